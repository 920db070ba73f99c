/// The public eligibility test (issue #4): one step at a time, asking only what the rules still
/// need, then a result page that explains each criterion. Plain GET forms: no JavaScript.
public enum EligibilityTestPages {
    public enum Question: Sendable {
        case radios(name: String, legend: String, choices: [Choice], hint: String?)
        case input(name: String, label: String, hint: String?, suffix: String?, inputmode: String?)
        case select(name: String, label: String, choices: [Choice], hint: String?)
    }

    public struct StepModel: Sendable {
        /// The state with the questionnaire's order, so that the summary follows the questions.
        var orderedState: FormState {
            var s = state
            s.fieldOrder = EligibilityQuestionnaire.fieldOrder
            return s
        }
        public let step: String
        public let stepNumber: Int
        public let stepCount: Int
        public let questions: [Question]
        /// Answers already given, carried along.
        public let carried: [(String, String)]
        public let state: FormState
        public init(
            step: String, stepNumber: Int, stepCount: Int, questions: [Question], carried: [(String, String)],
            state: FormState
        ) {
            self.step = step
            self.stepNumber = stepNumber
            self.stepCount = stepCount
            self.questions = questions
            self.carried = carried
            self.state = state
        }
    }

    public struct CriterionLine: Sendable {
        public let rule: String
        public let status: String
        public let title: String
        public let message: String
        public init(rule: String, status: String, title: String, message: String) {
            self.rule = rule
            self.status = status
            self.title = title
            self.message = message
        }
    }

    public struct ResultModel: Sendable {
        public let eligible: Bool
        public let criteria: [CriterionLine]
        public let facts: [(String, String)]
        public let warnings: [String]
        public let restartURL: String
        public let editURL: String
        public let parametersVersion: String
        /// Where an eligible result leads, by who looks at it; `answers` is the test's query string.
        public enum Next: Sendable {
            case visitor(answers: String)
            case beneficiary(answers: String)
            case amo(answers: String)
            case staff
        }
        public var next: Next = .visitor(answers: "")
        public init(
            eligible: Bool, criteria: [CriterionLine], facts: [(String, String)], warnings: [String],
            restartURL: String, editURL: String, parametersVersion: String
        ) {
            self.eligible = eligible
            self.criteria = criteria
            self.facts = facts
            self.warnings = warnings
            self.restartURL = restartURL
            self.editURL = editURL
            self.parametersVersion = parametersVersion
        }
    }

    public static func step(_ page: PageModel, _ m: StepModel) -> String {
        Layout.render(page.titled("Test d'éligibilité").refused(m.state.hasErrors)) {
            H1("Test d'éligibilité : aide à la rénovation énergétique")
            Paragraph("Étape \(m.stepNumber) sur \(m.stepCount) au plus : \(m.step)").class("progress")
            FormKit.errorSummary(m.orderedState)
            Form(url: "/renovation/eligibilite", method: .get) {
                for (name, value) in m.carried { FormKit.hidden(name, value) }
                for q in m.questions {
                    switch q {
                    case .radios(let name, let legend, let choices, let hint):
                        FormKit.radios(m.state, name: name, legend: legend, choices: choices, hint: hint)
                    case .input(let name, let label, let hint, let suffix, let inputmode):
                        FormKit.input(
                            m.state, name: name, label: label, hint: hint, inputmode: inputmode, suffix: suffix)
                    case .select(let name, let label, let choices, let hint):
                        FormKit.select(m.state, name: name, label: label, choices: choices, hint: hint)
                    }
                }
                FormKit.submit("Continuer")
            }
            Paragraph(
                "Le résultat de ce test est donné à titre indicatif : l'acceptation finale dépend de l'instruction du "
                    + "dossier complet."
            ).class("muted")
        }
    }

    public static func result(_ page: PageModel, _ m: ResultModel) -> String {
        Layout.render(page.titled("Résultat du test d'éligibilité")) {
            H1("Résultat du test d'éligibilité")
            Paragraph(
                m.eligible
                    ? "Votre projet semble éligible à l'aide à la rénovation énergétique."
                    : "Votre projet ne semble pas éligible à l'aide à la rénovation énergétique."
            )
            .class(m.eligible ? "verdict verdict-ok" : "verdict verdict-ko").attr("role", "status")
            H2("Le détail, critère par critère")
            List(m.criteria) { c in
                Div {
                    Span(c.status == "pass" ? "Rempli" : c.status == "fail" ? "Non rempli" : "À compléter")
                        .class("badge badge-\(c.status)")
                    El("strong", text: c.title)
                    Text(" ")
                    Span(c.rule).class("rule-id")
                    Paragraph(c.message)
                }.class("criterion criterion-\(c.status)")
            }.class("criteria")
            if !m.facts.isEmpty {
                DataTable(
                    caption: "Éléments retenus", headers: ["Élément", "Valeur"], rows: m.facts.map { [$0.0, $0.1] })
            }
            if !m.warnings.isEmpty {
                H2("À savoir")
                List(m.warnings)
            }
            nextSteps(eligible: m.eligible, next: m.next)
            Paragraph {
                Link("Modifier mes réponses", url: m.editURL).class("button button-secondary")
                Text(" ")
                Link("Recommencer le test", url: m.restartURL).class("button button-secondary")
            }
            Paragraph("Résultat indicatif, calculé avec les paramètres \(m.parametersVersion).").class("muted")
        }
    }

    /// What to do next: an account and an AMO when eligible, how to correct an answer otherwise.
    @ComponentBuilder
    static func nextSteps(eligible: Bool, next: ResultModel.Next) -> Component {
        H2("Et maintenant ?")
        if eligible {
            Paragraph {
                switch next {
                case .visitor(let answers):
                    Link("Créer mon compte et mon dossier", url: "/renovation/compte?" + answers).class("button")
                case .beneficiary(let answers):
                    Link("Créer un dossier pour ce logement", url: "/dossiers/nouveau?" + answers).class("button")
                case .amo(let answers):
                    Link("Créer le compte du bénéficiaire", url: "/dossiers/nouveau?" + answers).class("button")
                case .staff:
                    EmptyComponent()
                }
                Text(" ")
                Link("Trouver un AMO", url: "/amo/annuaire").class("button button-secondary")
            }
            List {
                ListItem {
                    Text(
                        "Choisissez un assistant à maîtrise d'ouvrage (AMO) : son accompagnement est obligatoire "
                            + "(RENO-E10). Il réalise le diagnostic technique, monte le dossier et le plan de "
                            + "financement avec vous, puis contrôle les travaux."
                    )
                }
                ListItem {
                    Text("Faites établir les devis par des entreprises RGE pour les travaux principaux (RENO-E11).")
                }
                ListItem {
                    Text(
                        "Préparez vos pièces : pièce d'identité, avis d'imposition, dernier bulletin de salaire, "
                            + "livret de famille, RIB, justificatif de propriété."
                    )
                }
            }
        } else {
            Paragraph(
                "Si une réponse était inexacte, modifiez-la : le test se met à jour. Pour toute question, le "
                    + "service client d'Action Logement répond au 0970 830 831 (numéro non surtaxé), du lundi au "
                    + "vendredi de 9 h à 17 h 30."
            )
        }
    }
}
