import Foundation
import GuichetDomain

/// How a campaign's window reads at a given instant (`AMI-K`), in Paris time.
public enum CampaignPhaseText {
    public static func text(_ c: Campaign, now: Date) -> String {
        switch c.window.phase(at: now) {
        case .notYetOpen: "ouvre le \(c.window.opens.french) (heure de Paris)"
        case .open: "ouverte jusqu'au \(c.window.closes.french) (heure de Paris)"
        case .closed: "close depuis le \(c.window.closes.french) (heure de Paris)"
        }
    }
}
