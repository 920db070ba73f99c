import Foundation
import Testing

@testable import GuichetDomain

/// The filing lifecycle table (`AMI-X`, `AMI-K`).
@Suite struct FilingLifecycleTests {
    let synthesis = FilingSynthesis(
        operations: 3, dwellings: 72, costPrice: Money(cents: 770_000_000), loanRequested: Money(cents: 160_000_050))
    let open = CampaignTests.utc("2024-09-30T21:59:59Z")
    let closed = CampaignTests.utc("2024-09-30T22:00:00Z")

    func ctx(_ now: Date, _ check: UploadSummary.Check?) -> FilingContext {
        FilingContext(
            now: now, window: CampaignTests.window2024,
            current: check.map { UploadSummary(check: $0, synthesis: synthesis) })
    }

    @Test func uploadReplacesTheCurrentTable() throws {
        let (s1, e1) = try FilingLifecycle.transition(.draft, .upload(fileName: "t.xlsx"), ctx(open, nil)).get()
        #expect(s1 == .draft && e1.contains(.checkUpload) && !e1.contains(.supersedeCurrentUpload))
        let (_, e2) = try FilingLifecycle.transition(
            .draft, .upload(fileName: "t2.xlsx"), ctx(open, .checked(errors: 2, operations: 3))
        ).get()
        #expect(e2.first == .supersedeCurrentUpload)
    }

    @Test func sendAtTheLastSecond() throws {
        let (state, effects) = try FilingLifecycle.transition(
            .draft, .send(confirmed: synthesis, certified: true), ctx(open, .checked(errors: 0, operations: 3))
        ).get()
        #expect(state == .sent)
        #expect(effects.contains(.receipt) && effects.contains(.acknowledgementEmail))
    }

    @Test func refusals() {
        func refusal(_ s: FilingState, _ e: FilingEvent, _ c: FilingContext) -> FilingRefusal? {
            if case .failure(let r) = FilingLifecycle.transition(s, e, c) { return r }
            return nil
        }
        let send = FilingEvent.send(confirmed: synthesis, certified: true)
        let ok = UploadSummary.Check.checked(errors: 0, operations: 3)
        #expect(refusal(.draft, send, ctx(closed, ok))?.rule == .amiK, "after the deadline")
        #expect(
            refusal(.draft, .upload(fileName: "x"), ctx(closed, ok))?.rule == .amiK, "no replacement after the deadline"
        )
        #expect(refusal(.sent, .upload(fileName: "x"), ctx(open, ok)) != nil, "sent is final")
        #expect(refusal(.draft, send, ctx(open, nil))?.message.contains("Déposez") == true)
        #expect(refusal(.draft, send, ctx(open, .pending))?.message.contains("vérification") == true)
        #expect(
            refusal(.draft, send, ctx(open, .checked(errors: 4, operations: 3)))?.message.contains("4 erreurs") == true)
        #expect(refusal(.draft, send, ctx(open, .unreadable("pas un xlsx"))) != nil)
        var other = synthesis
        other.dwellings = 70
        #expect(
            refusal(.draft, .send(confirmed: other, certified: true), ctx(open, ok))?.message.contains("synthèse")
                == true)
        #expect(
            refusal(.draft, .send(confirmed: synthesis, certified: false), ctx(open, ok))?.message.contains(
                "certification") == true)
    }
}
