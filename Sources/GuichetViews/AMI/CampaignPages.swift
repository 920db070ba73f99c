import Foundation
import GuichetDomain

/// The administration of AMI DROM campaigns (`AMI-K`, `AMI-L`, `AMI-R`): the list, one
/// campaign with its envelopes and filings, and the campaign form.
public enum CampaignPages {
    public struct Line: Sendable, Equatable {
        public let year: Int
        public let phase: String
        public let departments: [String]
        public let sent: Int
        public let filings: Int
        public let examples: Bool

        public init(year: Int, phase: String, departments: [String], sent: Int, filings: Int, examples: Bool) {
            self.year = year
            self.phase = phase
            self.departments = departments
            self.sent = sent
            self.filings = filings
            self.examples = examples
        }
    }

    public static func list(_ page: PageModel, _ lines: [Line]) -> String {
        let rows = lines.map {
            [
                String($0.year), $0.phase, $0.departments.joined(separator: ", "),
                "\(FrenchFormat.integer($0.sent)) envoyé\($0.sent > 1 ? "s" : "") sur "
                    + "\(FrenchFormat.integer($0.filings))",
                $0.examples ? "exemples" : "décidés",
            ]
        }
        let links = lines.map { ("Campagne \($0.year) : paramètres et dépôts", "/admin/ami/campagnes/\($0.year)") }
        return InfoPage.render(
            page,
            InfoPageModel(
                heading: "Campagnes AMI DROM",
                blocks: [
                    .table(
                        caption: "Campagnes", headers: ["Année", "Calendrier", "Départements", "Dépôts", "Paramètres"],
                        rows: rows),
                    .links(links + [("Nouvelle campagne", "/admin/ami/campagnes/nouvelle")]),
                ]))
    }

    public struct Filing: Sendable, Equatable {
        public let department: String
        public let landlord: String
        public let state: FilingState
        public let sentAt: Date?
        public let synthesis: FilingSynthesis?

        public init(
            department: String, landlord: String, state: FilingState, sentAt: Date?, synthesis: FilingSynthesis?
        ) {
            self.department = department
            self.landlord = landlord
            self.state = state
            self.sentAt = sentAt
            self.synthesis = synthesis
        }
    }

    /// `departmentNames` labels the form's department boxes.
    public static func show(
        _ page: PageModel, campaign c: Campaign, filings: [Filing], departmentNames: [String: String], form: FormState
    ) -> String {
        var blocks: [InfoPageModel.Block] = []
        if c.parameters.examples {
            blocks.append(.notice(.warning, "Paramètres d'exemple : quotités et barème de démonstration, non décidés."))
        }
        blocks.append(.definitions(c.departments.map { ("Enveloppe \($0)", c.envelopes[$0]?.formatted() ?? "—") }))
        let time = ParisTime.formatter()
        blocks.append(
            .table(
                caption: "Dépôts", headers: ["Département", "Bailleur", "État", "Envoyé le", "Synthèse"],
                rows: filings.map { f in
                    [
                        f.department, f.landlord, f.state.rawValue, f.sentAt.map(time.string) ?? "—",
                        f.synthesis.map {
                            "\(FrenchFormat.count($0.operations, "opération")), "
                                + "\(FrenchFormat.count($0.dwellings, "logement")), "
                                + "\($0.loanRequested.formatted())"
                        } ?? "—",
                    ]
                }))
        blocks.append(.form(formModel(form, year: c.year, departmentNames: departmentNames)))
        return InfoPage.render(page, InfoPageModel(heading: "Campagne AMI DROM \(c.year)", blocks: blocks))
    }

    /// The form of a new campaign (`year` nil), or of an existing one; `existing` links to the
    /// campaign of the year typed when it already exists.
    public static func form(
        _ page: PageModel, year: Int?, departmentNames: [String: String], _ state: FormState, existing: Int? = nil
    ) -> String {
        var blocks: [InfoPageModel.Block] = []
        if let existing {
            blocks.append(.links([("Modifier la campagne \(existing)", "/admin/ami/campagnes/\(existing)")]))
        }
        blocks.append(.form(formModel(state, year: year, departmentNames: departmentNames)))
        let heading = year.map { "Campagne AMI DROM \($0)" } ?? "Nouvelle campagne AMI DROM"
        return InfoPage.render(page, InfoPageModel(heading: heading, blocks: blocks))
    }

    static func formModel(_ state: FormState, year: Int?, departmentNames: [String: String]) -> FormPageModel {
        var fields = fields(departmentNames: departmentNames)
        if year != nil {
            fields.append(
                .input(
                    name: "motive", label: "Motif du changement de clôture",
                    hint:
                        "Obligatoire si la date ou l'heure de clôture change : il est consigné au journal et envoyé "
                        + "aux bailleurs ayant un dépôt en brouillon."))
        }
        return FormPageModel(
            heading: "Paramètres de la campagne",
            intro: [
                "Les heures sont celles de Paris, quel que soit le fuseau du serveur (AMI-K). Les quotités et le "
                    + "barème ne figurent pas dans les textes : ils sont décidés par Action Logement."
            ],
            action: year.map { "/admin/ami/campagnes/\($0)" } ?? "/admin/ami/campagnes", fields: fields,
            submit: "Enregistrer la campagne", state: state)
    }

    static func fields(departmentNames: [String: String]) -> [FormField] {
        var f: [FormField] = [
            .input(name: "year", label: "Année de la campagne"),
            .heading("Calendrier (heure de Paris)"),
            .input(name: "opens_day", label: "Ouverture : date", hint: "JJ/MM/AAAA"),
            .input(name: "opens_time", label: "Ouverture : heure", hint: "HH:MM, par exemple 00:00"),
            .input(name: "closes_day", label: "Clôture : date", hint: "JJ/MM/AAAA"),
            .input(
                name: "closes_time", label: "Clôture : heure",
                hint: "HH:MM ; un dépôt est accepté jusqu'à la fin de cette minute (23:59 → 23:59:59)"),
            .heading("Départements et enveloppes de prêt (AMI-L)"),
        ]
        for d in Campaign.overseasDepartments {
            f.append(.checkbox(name: "dep_\(d)", label: "\(d) \(departmentNames[d] ?? "")"))
            f.append(.input(name: "env_\(d)", label: "Enveloppe \(d) (€)"))
        }
        f.append(.heading("Quotités : prêt maximal en % du prix de revient (AMI-L)"))
        for p in HousingProduct.allCases {
            f.append(.input(name: "q_\(p.rawValue)", label: "Quotité \(p.rawValue) (%)"))
        }
        f.append(.heading("Barème de valorisation des contreparties : prêt par logement réservé (AMI-R)"))
        for p in HousingProduct.allCases {
            f.append(.input(name: "b_\(p.rawValue)", label: "Barème \(p.rawValue) (€ par réservation)"))
        }
        f.append(
            .checkbox(
                name: "examples", label: "Valeurs d'exemple (démonstration) : elles seront signalées comme telles."))
        return f
    }
}
