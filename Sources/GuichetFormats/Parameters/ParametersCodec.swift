import GuichetDomain

/// The renovation parameters as stored in the database: every series with its dated values and
/// sources. Reading is strict: a payload that does not decode is an error, never a silent default.
public enum ParametersCodec {
    public struct DecodeError: Error, CustomStringConvertible {
        public let reason: String
        public var description: String { "Paramètres illisibles : \(reason)" }
    }

    public static func encode(_ p: RenovationParameters) -> String {
        let money: (Money) -> JSONValue = { .int($0.cents) }
        let int: (Int) -> JSONValue = { .int($0) }
        return JSONValue.object([
            series(p.subsidyCeilingOwnerOccupier, money),
            series(p.subsidyCeilingLandlord, money),
            series(p.loanMaximum, money),
            series(p.loanMaximumMonths, int),
            series(p.deferralMaximumMonths, int),
            series(p.loanRateFloor) { .string($0.decimalString) },
            series(p.amoCaps) {
                .array(
                    [$0.ownerOccupierAlone, $0.ownerOccupierWithAid, $0.landlordAlone, $0.landlordWithAid].map(money))
            },
            series(p.annexEnvelopePercent, int),
            series(p.remainingCostThreshold, money),
            series(p.depositPercent, int),
            series(p.debtRatioAlertPercent, int),
            ("P-L-RATE-LIVRET-A", .array(p.livretAAdditions.map(livretA))),
            ("P-ANAH", .array(p.anahAdditions.map(anah))),
        ]).serialized(pretty: true)
    }

    static func series<V>(_ s: DatedSeries<V>, _ value: (V) -> JSONValue) -> (String, JSONValue) {
        let entries = s.entries.map {
            JSONValue.object([
                ("valid_from", .string($0.validFrom.iso)), ("value", value($0.value)), ("source", .string($0.source)),
            ])
        }
        return (s.id, .object([("label", .string(s.label)), ("entries", .array(entries))]))
    }

    static func livretA(_ r: LivretARate) -> JSONValue {
        .object([
            ("effective", .string(r.effective.iso)), ("rate", .string(r.rate.decimalString)),
            ("reference", .string(r.reference)),
        ])
    }

    static func anah(_ c: AnahCeiling) -> JSONValue {
        .object([
            ("year", .int(c.year)), ("region", .string(c.region.rawValue)), ("category", .string(c.category.rawValue)),
            ("persons", .array(c.persons.map { .int($0) })), ("per_extra_person", .int(c.perExtraPerson)),
            ("source", .string(c.source)),
        ])
    }

    public static func decode(_ text: String, version: String) throws -> RenovationParameters {
        let json: JSONValue
        do { json = try JSONParser.parse(Array(text.utf8), limits: .platformData) } catch {
            throw DecodeError(reason: error.description)
        }
        func series<V>(_ id: String, _ value: (JSONValue) -> V?) throws -> DatedSeries<V> {
            guard let s = json[id], case .string(let label)? = s["label"], case .array(let items)? = s["entries"],
                !items.isEmpty
            else {
                throw DecodeError(reason: "série \(id) absente ou vide")
            }
            let entries = try items.map { item -> Dated<V> in
                guard case .string(let d)? = item["valid_from"], let day = Day(iso: d),
                    let raw = item["value"], let v = value(raw), case .string(let source)? = item["source"]
                else {
                    throw DecodeError(reason: "valeur illisible dans \(id)")
                }
                return Dated(from: day, v, source: source)
            }
            return DatedSeries(id: id, label: label, entries: entries)
        }
        let money: (JSONValue) -> Money? = { $0.int64.map { Money(cents: $0) } }
        let int: (JSONValue) -> Int? = { $0.int64.map(Int.init) }
        var result = RenovationParameters(
            subsidyCeilingOwnerOccupier: try series("P-S-PO", money),
            subsidyCeilingLandlord: try series("P-S-PB", money),
            loanMaximum: try series("P-L-MAX", money),
            loanMaximumMonths: try series("P-L-DUR", int),
            deferralMaximumMonths: try series("P-L-DEF", int),
            loanRateFloor: try series("P-L-RATE") {
                if case .string(let s) = $0 { return Rate(decimal: s) }
                return nil
            },
            amoCaps: try series("P-AMO") { v in
                guard case .array(let a) = v, a.count == 4 else { return nil }
                let m = a.compactMap(money)
                return m.count == 4 ? AmoCaps(m[0], m[1], m[2], m[3]) : nil
            },
            annexEnvelopePercent: try series("P-ANNEX", int),
            remainingCostThreshold: try series("P-RAC", money),
            depositPercent: try series("P-ACOMPTE", int),
            debtRatioAlertPercent: try series("P-ENDET", int),
            version: version)
        result.livretAAdditions = try livretARates(json)
        result.anahAdditions = try anahCeilings(json)
        return result
    }

    static func livretARates(_ json: JSONValue) throws -> [LivretARate] {
        var rates: [LivretARate] = []
        if case .array(let items)? = json["P-L-RATE-LIVRET-A"] {
            for item in items {
                guard case .string(let d)? = item["effective"], let day = Day(iso: d),
                    case .string(let r)? = item["rate"],
                    let rate = Rate(decimal: r), case .string(let ref)? = item["reference"]
                else { throw DecodeError(reason: "taux du Livret A illisible") }
                rates.append(LivretARate(effective: day, rate: rate, reference: ref))
            }
        }
        return rates
    }

    static func anahCeilings(_ json: JSONValue) throws -> [AnahCeiling] {
        var ceilings: [AnahCeiling] = []
        if case .array(let items)? = json["P-ANAH"] {
            for item in items {
                guard let year = item["year"]?.int64, case .string(let reg)? = item["region"],
                    let region = AnahCeiling.Region(rawValue: reg),
                    case .string(let cat)? = item["category"], let category = AnahCeiling.Category(rawValue: cat),
                    case .array(let ps)? = item["persons"], ps.count == 5, let extra = item["per_extra_person"]?.int64,
                    case .string(let source)? = item["source"]
                else { throw DecodeError(reason: "plafond Anah illisible") }
                let persons = ps.compactMap(\.int64)
                guard persons.count == 5 else { throw DecodeError(reason: "plafond Anah illisible") }
                ceilings.append(
                    AnahCeiling(
                        year: Int(year), region: region, category: category, persons: persons, perExtraPerson: extra,
                        source: source))
            }
        }
        return ceilings
    }
}
