import Foundation
import GuichetDomain
import GuichetViews

/// A new dated value of one editable parameter, read from what the administrator typed and
/// added to its series: euros, a rate, a whole number, or a whole percentage (at most 100).
enum ParameterEdit {
    /// A day to read a value with when the typed date is wrong (the value is still checked).
    static let anyDay = Day.supportedRange.lowerBound

    /// False when `raw` cannot be read as the series' kind; `p` is changed only on success.
    static func apply(
        _ series: ParametersPage.Editable, raw: String, from day: Day, source: String, to p: inout RenovationParameters
    ) -> Bool {
        switch series.kind {
        case .euros:
            guard let m = FrenchInput.euros(raw), m.cents > 0 else { return false }
            addEuros(series.id, Dated(from: day, m, source: source), to: &p)
        case .rate:
            let text = raw.replacingOccurrences(of: ",", with: ".").replacingOccurrences(of: "%", with: "")
                .trimmingCharacters(in: .whitespaces)
            guard let r = Rate(decimal: text, percent: true) else { return false }
            p.loanRateFloor = p.loanRateFloor.adding(Dated(from: day, r, source: source))
        case .integer, .percent:
            guard let n = Int(raw), (0...(series.kind == .percent ? 100 : 1000)).contains(n) else { return false }
            addInteger(series.id, Dated(from: day, n, source: source), to: &p)
        }
        return true
    }

    static func addEuros(_ id: String, _ d: Dated<Money>, to p: inout RenovationParameters) {
        switch id {
        case "P-S-PO": p.subsidyCeilingOwnerOccupier = p.subsidyCeilingOwnerOccupier.adding(d)
        case "P-S-PB": p.subsidyCeilingLandlord = p.subsidyCeilingLandlord.adding(d)
        case "P-L-MAX": p.loanMaximum = p.loanMaximum.adding(d)
        default: p.remainingCostThreshold = p.remainingCostThreshold.adding(d)
        }
    }

    static func addInteger(_ id: String, _ d: Dated<Int>, to p: inout RenovationParameters) {
        switch id {
        case "P-L-DUR": p.loanMaximumMonths = p.loanMaximumMonths.adding(d)
        case "P-L-DEF": p.deferralMaximumMonths = p.deferralMaximumMonths.adding(d)
        case "P-ANNEX": p.annexEnvelopePercent = p.annexEnvelopePercent.adding(d)
        case "P-ACOMPTE": p.depositPercent = p.depositPercent.adding(d)
        default: p.debtRatioAlertPercent = p.debtRatioAlertPercent.adding(d)
        }
    }
}
