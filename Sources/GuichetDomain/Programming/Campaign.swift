import Foundation

/// `AMI-K`: a yearly AMI DROM campaign: the departments it covers, its opening and closing
/// instants (civil times in Europe/Paris), the envelope of each department and its parameter
/// tables (quotités, barème de valorisation des contreparties).
public struct Campaign: Sendable, Equatable {
    /// The overseas departments an AMI DROM campaign may cover.
    public static let overseasDepartments = ["971", "972", "973", "974", "976"]

    public var year: Int
    public var departments: [String]
    public var window: CampaignWindow
    /// Loan envelope per department (`AMI-L`).
    public var envelopes: [String: Money]
    public var parameters: CampaignParameters

    public init(
        year: Int, departments: [String], window: CampaignWindow, envelopes: [String: Money],
        parameters: CampaignParameters
    ) {
        self.year = year
        self.departments = departments
        self.window = window
        self.envelopes = envelopes
        self.parameters = parameters
    }

    public func covers(_ department: String) -> Bool { departments.contains(department) }
}

/// A civil time: a day and a minute, in a time zone given where it becomes an instant.
public struct CivilTime: Sendable, Hashable, Comparable {
    public let day: Day
    public let hour: Int
    public let minute: Int
    public init?(day: Day, hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.day = day
        self.hour = hour
        self.minute = minute
    }
    /// `HH:MM`.
    public init?(day: Day, hhmm: String) {
        let parts = hhmm.trimmingCharacters(in: .whitespaces).split(separator: ":")
        guard parts.count == 2, parts[1].count == 2, let h = Int(parts[0]), let m = Int(parts[1]) else { return nil }
        self.init(day: day, hour: h, minute: m)
    }
    public static func < (a: CivilTime, b: CivilTime) -> Bool { (a.day, a.hour, a.minute) < (b.day, b.hour, b.minute) }

    /// The instant this civil time names in `zone` (the first one when clocks go back).
    public func instant(in zone: TimeZone) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        let components = DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute)
        if let date = cal.date(from: components) { return date }
        // Unreachable for a valid civil time; the same instant by arithmetic rather than a trap.
        let local = Double(day.ordinal) * 86_400 + Double(hour * 3_600 + minute * 60)
        return Date(timeIntervalSince1970: local - Double(zone.secondsFromGMT()))
    }

    public init(instant: Date, in zone: TimeZone) {
        let local = Int((instant.timeIntervalSince1970 + Double(zone.secondsFromGMT(for: instant))).rounded(.down))
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        self.day = Day(ordinal: days)
        self.hour = seconds / 3_600
        self.minute = seconds % 3_600 / 60
    }

    /// `30/09/2024 à 23:59`.
    public var french: String { "\(day.french) à \(String(format: "%02d:%02d", hour, minute))" }
    public var hhmm: String { String(format: "%02d:%02d", hour, minute) }
}

/// `AMI-K`: when filings are accepted. The closing time is a minute: « ferme le 30/09/2024 à
/// 23:59 » accepts a filing at 23:59:59 and refuses one at 00:00:00 the next day, whatever the
/// server's time zone (the instants are computed in the campaign's zone, Europe/Paris).
public struct CampaignWindow: Sendable, Equatable {
    public let opens: CivilTime
    public let closes: CivilTime
    public let zone: TimeZone

    public init?(opens: CivilTime, closes: CivilTime, zone: TimeZone) {
        guard opens < closes else { return nil }
        self.opens = opens
        self.closes = closes
        self.zone = zone
    }

    public var opensAt: Date { opens.instant(in: zone) }
    /// The first instant at which filings are refused: the end of the closing minute.
    public var closedFrom: Date { closes.instant(in: zone).addingTimeInterval(60) }

    public enum Phase: Sendable, Equatable { case notYetOpen, open, closed }

    public func phase(at instant: Date) -> Phase {
        if instant < opensAt { return .notYetOpen }
        return instant < closedFrom ? .open : .closed
    }

    /// The explained decision for a filing action at `instant`.
    public func check(at instant: Date) -> Criterion {
        switch phase(at: instant) {
        case .open: Criterion(.amiK, .pass, "Campagne ouverte jusqu'au \(closes.french) (heure de Paris).")
        case .notYetOpen:
            Criterion(
                .amiK, .fail,
                "La campagne ouvre le \(opens.french) (heure de Paris) : aucun dépôt n'est possible avant.")
        case .closed:
            Criterion(
                .amiK, .fail,
                "La campagne est close depuis le \(closes.french) (heure de Paris) : plus aucun envoi ni remplacement "
                    + "n'est possible."
            )
        }
    }
}

/// The campaign's parameter tables. Neither is in the sources: an administrator enters them;
/// the demonstration data ships values flagged as examples.
public struct CampaignParameters: Sendable, Equatable {
    /// `AMI-L`: the largest loan as a share of the cost price, by product (a rate).
    public var quotites: [HousingProduct: Rate]
    /// `AMI-R`: the loan amount that one reserved dwelling counts for, by product.
    public var bareme: [HousingProduct: Money]
    /// The values are examples (demonstration), not decided parameters.
    public var examples: Bool

    public init(quotites: [HousingProduct: Rate], bareme: [HousingProduct: Money], examples: Bool) {
        self.quotites = quotites
        self.bareme = bareme
        self.examples = examples
    }

    /// `AMI-L`: the largest loan an operation may get: quotité × prix de revient (rounded down
    /// to the cent). A demolition without product has no quotité: no cap from this table.
    public func maximumLoan(costPrice: Money, product: HousingProduct?) -> (Money?, Criterion) {
        guard let product, let q = quotites[product] else {
            return (
                nil, Criterion(.amiL, .missing, "Pas de quotité pour ce produit dans les paramètres de la campagne.")
            )
        }
        let cap = costPrice.share(q.tenThousandths, over: 10_000)
        return (
            cap,
            Criterion(
                .amiL, .pass,
                "Prêt plafonné à \(q.frenchPercent) du prix de revient \(costPrice.formatted()) pour un "
                    + "\(product.rawValue) : \(cap.formatted())."
            )
        )
    }

    /// `AMI-R`: the reservations a loan buys: whole dwellings, never more than the operation has.
    public func reservations(loan: Money, product: HousingProduct?, dwellings: Int) -> (Int, Criterion) {
        guard let product, let unit = bareme[product], unit.cents > 0 else {
            return (0, Criterion(.amiR, .missing, "Pas de valeur au barème pour ce produit."))
        }
        let n = min(dwellings, Int(loan.cents / unit.cents))
        return (
            n,
            Criterion(
                .amiR, .pass,
                "\(loan.formatted()) de prêt à \(unit.formatted()) par logement réservé (\(product.rawValue)) : \(n) "
                    + "réservation\(n > 1 ? "s" : "")."
            )
        )
    }
}
