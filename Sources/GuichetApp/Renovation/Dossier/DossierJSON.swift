import Foundation
import GuichetDomain
import GuichetFormats
import GuichetPersistence

/// The dossier as the API answers it (issue #12): where it stands, each step with what it lacks,
/// the documents required and given, the plan computed by the simulation engine, and what keeps
/// it from being filed. Amounts in integer cents.
enum DossierJSON {
    static func dossier(_ e: DossierEvaluation) -> JSONValue {
        let d = e.dossier
        return .object([
            ("id", .string(d.id.uuidString.lowercased())), ("reference", .string(d.reference)),
            ("etat", .string(d.state.rawValue)), ("etat_libelle", .string(d.state.french)),
            ("version", .int(d.version)),
            ("beneficiaire", .string(d.beneficiaryName)), ("mandat", .string(d.mandate.rawValue)),
            ("etapes", .array(e.progress.items.map(step))),
            ("pieces", .array(e.required.map { document($0, e.documents[$0.key]) })),
            ("plan", e.simulation.financing.map(plan) ?? .null),
            ("parametres", .string(e.simulation.parametersVersion)),
            ("problemes", .array(e.problems.map(problem))),
        ])
    }

    static func summary(_ d: DossierSummary) -> JSONValue {
        .object([
            ("id", .string(d.id.uuidString.lowercased())), ("reference", .string(d.reference)),
            ("etat", .string(d.state.rawValue)), ("beneficiaire", .string(d.beneficiaryName)),
            ("mandat", .string(d.mandate.rawValue)),
            ("a_completer", d.todo.map { .string($0.rawValue) } ?? .null),
        ])
    }

    static func step(_ i: DossierProgress.Item) -> JSONValue {
        let status: String
        switch i.status {
        case .complete: status = "terminé"
        case .toDo: status = "à_compléter"
        case .notApplicable: status = "sans_objet"
        }
        return .object([
            ("etape", .string(i.step.rawValue)), ("titre", .string(i.step.french)), ("statut", .string(status)),
            ("manque", .array(i.missing.map { .string($0) })),
        ])
    }

    static func document(_ r: RequiredDocument, _ given: DossierDocumentRecord?) -> JSONValue {
        .object([
            ("cle", .string(r.key)), ("nature", .string(r.kind.rawValue)), ("titre", .string(r.kind.french)),
            ("pour", .string(r.holderLabel)), ("datee", .bool(r.kind.maxAgeMonths != nil)),
            ("fournie", .bool(given != nil)), ("sha256", given.map { .string($0.sha256) } ?? .null),
        ])
    }

    static func plan(_ p: FinancingPlan) -> JSONValue {
        .object([
            ("plafond_centimes", .int(p.ceiling.cents)), ("cas_amo", .int(p.amoCase)),
            ("amo_centimes", .int(p.amoGranted.cents)), ("travaux_centimes", .int(p.worksGranted.cents)),
            ("autres_frais_centimes", .int(p.otherFeesGranted.cents)), ("subvention_centimes", .int(p.subsidy.cents)),
            ("reste_a_charge_centimes", .int(p.remainingCost.cents)), ("pret_propose", .bool(p.loanOffered)),
            (
                "entreprises",
                .array(
                    p.companies.map {
                        .object([
                            ("siret", .string($0.siret)), ("accorde_centimes", .int($0.granted.cents)),
                            ("acompte_max_centimes", .int($0.depositCap.cents)),
                        ])
                    })
            ),
        ])
    }

    static func problem(_ p: FilingProblem) -> JSONValue {
        .object([
            ("etape", .string(p.step.rawValue)), ("regle", p.rule.map { .string($0.rawValue) } ?? .null),
            ("message", .string(p.message)),
        ])
    }

    /// `{"error": …, "fields": [{"field", "message"}]}`: a form's problems, as the pages list them.
    static func problems(_ message: String, _ fields: [FieldProblem]) -> JSONValue {
        .object([
            ("error", .string(message)),
            (
                "fields",
                .array(fields.map { .object([("field", .string($0.field)), ("message", .string($0.message))]) })
            ),
        ])
    }

    /// A JSON object's members as form values: strings as they are, numbers as written, booleans
    /// as « oui » / « non » (the pages' forms read them). Other members are ignored.
    static func values(_ object: JSONValue?) -> [String: String] {
        guard case .object(let o) = object else { return [:] }
        var out: [String: String] = [:]
        for m in o.members {
            switch m.value {
            case .string(let s): out[m.key] = TextInput.withoutControlCharacters(s)
            case .number(let n): out[m.key] = n
            case .bool(let b): out[m.key] = b ? "oui" : "non"
            default: continue
            }
        }
        return out
    }
}
