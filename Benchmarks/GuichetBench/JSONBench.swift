import Foundation
import GuichetDomain
import GuichetFormats

/// Issue #9: the simulation API's JSON. The contract's example request decoded (parse + read
/// into a `RenovationCase`) in ≤ 5 µs median; any 1 MiB body, however hostile its shape,
/// answered (decoded, then the 422 written) in ≤ 20 ms.
enum JSONBench {
    /// The request of `contracts/renovation-simulation.md`, as written there.
    static let contractExample = Array(
        """
        {
          "reference_date": "2020-06-15",
          "applicant": {
            "kind": "owner_occupier",
            "ownership": "full",
            "joint_owners": 1,
            "joint_owners_partnered": false,
            "bare_owner_consent": false,
            "employment": "private_sector",
            "household_size": 3,
            "reference_tax_income": 2500000
          },
          "sci": null,
          "tenant": null,
          "dwelling": { "insee_code": "01053", "postal_code": "01000", "principal_residence": true },
          "works": {
            "insulation": true,
            "insulation_not_needed_per_diagnosis": false,
            "heating_replacement": false,
            "renewable_heating_or_hot_water": false
          },
          "plan": {
            "amo_fee": 120000,
            "amo_external_funding": 0,
            "companies": [
              { "siret": "73282932000074", "name": "Isol'Est", "rge": true, "main_works": 1500000, "induced_works": 100000 }
            ],
            "moe_fee": 0,
            "moe_by_works_company": false,
            "do_insurance": 0,
            "dpe_audit_fee": 0,
            "dpe_audit_date": null,
            "external_aid": [ { "funder": "anah", "amount": 0 } ],
            "loan_only_works": 0,
            "monthly_income": null,
            "monthly_charges": null,
            "loan": { "amount": 1000000, "months": 120, "deferral_months": 12 }
          }
        }
        """.utf8)

    static let mebibyte = 1_048_576

    /// Bodies of 1 MiB, each shaped to hurt a different part of a parser.
    static var hostileBodies: [(String, [UInt8])] {
        func fill(_ head: String, _ unit: String, _ tail: String) -> [UInt8] {
            let n = max(0, (mebibyte - head.utf8.count - tail.utf8.count) / unit.utf8.count)
            return Array((head + String(repeating: unit, count: n) + tail).utf8)
        }
        let keys = (0..<60_000).map { "\"k\($0)\":0" }.joined(separator: ",")
        return [
            ("60 000 clés dans un objet", Array(("{" + keys + "}").utf8).prefix(mebibyte).map { $0 }),
            (
                "objets de 99 clés inconnues",
                fill(
                    "{\"plan\":{\"companies\":[", "{" + (0..<99).map { "\"x\($0)\":1" }.joined(separator: ",") + "},",
                    "{}]}}")
            ),
            ("tableau de 500 000 nombres", fill("[", "0,", "0]")),
            ("imbrication profonde", fill("", "[", "")),
            ("une chaîne de 1 Mio", fill("{\"applicant\":{\"kind\":\"", "a", "\"}}")),
            ("chaîne d'échappements \\u00e9", fill("{\"x\":\"", "\\u00e9", "\"}")),
            (
                "entreprises de 99 champs",
                fill(
                    "{\"plan\":{\"companies\":[",
                    "{\"siret\":\"1\",\"name\":\"" + String(repeating: "n", count: 200) + "\"},", "{}]}}")
            ),
        ]
    }

    static func runExample(day: Day) {
        measure("Décodage de l'exemple du contrat (JSON → cas)", iterations: 20_000, target: 5, batch: 10) {
            blackHole(SimulationRequestDecoder.decode(contractExample, today: day))
        }
    }

    static func run(day: Day) {
        runExample(day: day)
        for (label, body) in hostileBodies {
            measure("1 Mio hostile : \(label)", iterations: 60, target: 20_000) {
                switch SimulationRequestDecoder.decode(body, today: day) {
                case .success(let decoded): blackHole(decoded)
                case .failure(let errors): blackHole(errors.json.serialized())
                }
            }
        }
    }
}
