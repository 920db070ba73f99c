import Crypto
import Foundation
import GuichetDomain
import GuichetFormats

/// Issue #13's benchmark: a convention of ten pages (three companies, a loan offer with its schedule)
/// generated from a validated plan and signed (PAdES, RSA 2048) in under 20 ms. In process, the
/// engine's result computed once (the job reads it from the filing), the identity loaded once
/// (the server keeps it).
public enum AgreementBenchmark {
    public static let target = 20.0

    public struct Figures: Sendable {
        public let pages: Int
        public let bytes: Int
        public let median: Double
        public let p95: Double
        public let generateMedian: Double
    }

    /// The agreement of the demonstration's complete dossier with a loan over the longest term.
    static func document(reference: ReferenceData, now: Date) -> AgreementDocument? {
        var a = DemoDossiers.complete(address: "12 rue des Lilas")
        // Three companies (insulation, windows, heating), as a whole-house renovation has.
        for (siret, name, type) in [
            ("35600000000048", "Menuiseries du Revermont", MainWorkType.windows),
            ("44306184100047", "Chauffage Bressan", MainWorkType.heatingReplacement),
        ] {
            guard let siret = Siret(siret) else { continue }
            a.plan.companies.append(
                DossierCompany(
                    siret: siret, name: name, rge: true, mainWorkType: type, mainWorks: .euros(6_000),
                    inducedWorks: .euros(300)))
        }
        a.plan.loanWanted = true
        a.plan.loanOnlyWorks = .euros(30_000)
        a.plan.monthlyIncome = .euros(3_000)
        let parameters = RenovationParameters.builtIn
        let day = Day(instant: now, in: AppClock.paris)
        let months = parameters.resolve(at: day, reference: reference).loanMaximumMonths
        a.plan.loan = LoanWish(amount: .euros(25_000), months: months, deferralMonths: 12)
        let simulation = RenovationSimulation.run(
            a.renovationCase, on: day, parameters: parameters, reference: reference)
        guard simulation.financing?.loan != nil else { return nil }
        var document = AgreementDocument(
            reference: "RENO-2026-BENCH001", beneficiary: "Claire Martin", answers: a, simulation: simulation,
            civilStatus: DemoDossiers.civilStatus("Martin", "Claire"), amo: "Rénov'Conseil", filedAt: now, madeAt: now)
        // Every document the dossier requires, as filed (a hash of its key stands for its file's).
        document.documents = RequiredDocuments.list(a).map { r in
            ("\(r.holderLabel) – \(r.kind.french)", "\(r.key).pdf", SHA256.hash(data: Data(r.key.utf8)).hex)
        }
        return document
    }

    public static func run(runs: Int = 200) throws -> Figures? {
        let now = Date()
        guard let reference = try? ReferenceData.loadBundled(), let document = document(reference: reference, now: now)
        else { return nil }
        let identity = try SigningIdentity.generate(now: now)
        let signer = PDFSigner(identity: identity)
        let signature = PDFSigner.Signature(
            signer: "Claire Martin (bénéficiaire)", signedAtText: "02/12/2026 à 10:42:00 (heure de Paris)",
            pdfDate: "D:20261202104200+01'00'", signedAt: now, reason: "Convention de subventionnement",
            details: ["Code à usage unique envoyé par SMS, vérifié."])
        var total: [Double] = []
        var generate: [Double] = []
        var last = Data()
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            let pdf = document.render()
            let made = DispatchTime.now().uptimeNanoseconds
            last = try signer.sign(pdf, signature)
            let end = DispatchTime.now().uptimeNanoseconds
            generate.append(Double(made - start) / 1_000_000)
            total.append(Double(end - start) / 1_000_000)
        }
        total.sort()
        generate.sort()
        // The convention's own pages (the signature adds its page to the signed file).
        let pages = ((try? PDFText.pages(last).count) ?? 1) - 1
        return Figures(
            pages: pages, bytes: last.count, median: total[total.count / 2],
            p95: total[min(total.count - 1, total.count * 95 / 100)], generateMedian: generate[generate.count / 2])
    }
}
