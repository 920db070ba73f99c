import GuichetDomain

/// The check result as the contract's JSON (`guichet ami check` and the upload's answer).
extension ProgrammingTable.Result {
    public var json: JSONValue {
        func counts(_ d: [String: ProgrammingTable.Synthesis.Count]) -> JSONValue {
            .object(
                JSONObject(
                    d.sorted { $0.key < $1.key }.map {
                        (
                            $0.key,
                            JSONValue.object([
                                ("operations", .int($0.value.operations)), ("dwellings", .int($0.value.dwellings)),
                            ])
                        )
                    }))
        }
        return .object([
            ("operations", .int(rowsWithValues)),
            (
                "errors",
                .array(
                    errors.map {
                        .object([
                            ("sheet", .string($0.sheet)), ("cell", .string($0.cell)), ("header", .string($0.header)),
                            ("value", .string($0.value)), ("message", .string($0.message)),
                        ])
                    })
            ),
            (
                "operations_detail",
                .array(
                    operations.map { op in
                        .object([
                            ("row", .int(op.row)), ("reference", .string(op.reference)),
                            ("type", .string(op.kind.rawValue)),
                            ("product", op.product.map { .string($0.rawValue) } ?? .null),
                            ("dwellings", .int(op.dwellings)),
                            ("cost_price", .int(op.costPrice.cents)), ("loan_requested", .int(op.loanRequested.cents)),
                            (
                                "eligibility",
                                .array(
                                    (eligibility[op.row] ?? []).map {
                                        .object([
                                            ("rule", .string($0.rule.rawValue)),
                                            ("status", .string($0.status.rawValue)), ("message", .string($0.message)),
                                        ])
                                    })
                            ),
                        ])
                    })
            ),
            (
                "synthesis",
                .object([
                    ("operations", .int(synthesis.operations)), ("dwellings", .int(synthesis.dwellings)),
                    ("cost_price", .int(synthesis.costPrice.cents)),
                    ("loan_requested", .int(synthesis.loanRequested.cents)),
                    ("by_type", counts(synthesis.byType)), ("by_product", counts(synthesis.byProduct)),
                ])
            ),
            (
                "cached_synthesis_differences",
                .array(
                    cachedDifferences.map {
                        .object([
                            ("label", .string($0.label)), ("file", .string($0.file)),
                            ("computed", .string($0.computed)),
                        ])
                    })
            ),
        ])
    }
}
