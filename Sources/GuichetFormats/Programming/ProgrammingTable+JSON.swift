import GuichetDomain

/// The check result as the contract's JSON (`guichet ami check`, the API's answer, the stored
/// result), written from and read back into one typed value, `ProgrammingCheckResult`.
extension ProgrammingTable.Result {
    /// The typed result of this check.
    public var checkResult: ProgrammingCheckResult {
        func counts(
            _ d: [String: ProgrammingTable.Synthesis.Count]
        ) -> [(key: String, count: ProgrammingCheckResult.Count)] {
            d.sorted { $0.key < $1.key }.map {
                (key: $0.key, count: .init(operations: $0.value.operations, dwellings: $0.value.dwellings))
            }
        }
        return ProgrammingCheckResult(
            rowsWithValues: rowsWithValues,
            errors: errors.map {
                .init(sheet: $0.sheet, cell: $0.cell, header: $0.header, value: $0.value, message: $0.message)
            },
            operations: operations.map { op in
                ProgrammingCheckResult.Operation(
                    row: op.row, reference: op.reference, kind: op.kind.rawValue, product: op.product?.rawValue,
                    dwellings: op.dwellings, costPrice: op.costPrice, loanRequested: op.loanRequested,
                    checks: (eligibility[op.row] ?? []).map {
                        .init(rule: $0.rule.rawValue, status: $0.status, message: $0.message)
                    })
            },
            synthesis: .init(
                operations: synthesis.operations, dwellings: synthesis.dwellings, costPrice: synthesis.costPrice,
                loanRequested: synthesis.loanRequested, byType: counts(synthesis.byType),
                byProduct: counts(synthesis.byProduct)),
            cachedDifferences: cachedDifferences.map { .init(label: $0.label, file: $0.file, computed: $0.computed) })
    }

    public var json: JSONValue { checkResult.json }
}

extension ProgrammingCheckResult {
    public var json: JSONValue {
        func counts(_ list: [(key: String, count: Count)]) -> JSONValue {
            .object(
                JSONObject(
                    list.map {
                        (
                            $0.key,
                            JSONValue.object([
                                ("operations", .int($0.count.operations)), ("dwellings", .int($0.count.dwellings)),
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
                            ("row", .int(op.row)), ("reference", .string(op.reference)), ("type", .string(op.kind)),
                            ("product", op.product.map { .string($0) } ?? .null), ("dwellings", .int(op.dwellings)),
                            ("cost_price", .int(op.costPrice.cents)), ("loan_requested", .int(op.loanRequested.cents)),
                            (
                                "eligibility",
                                .array(
                                    op.checks.map {
                                        .object([
                                            ("rule", .string($0.rule)), ("status", .string($0.status.rawValue)),
                                            ("message", .string($0.message)),
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

    /// Reads a stored result back; nil when the document is not one (the caller says so).
    public init?(json text: String) {
        guard let document = try? JSONParser.parse(Array(text.utf8), limits: .platformData) else { return nil }
        self.init(json: document)
    }

    public init?(json d: JSONValue) {
        guard case .object = d, let s = d["synthesis"], let rows = d["operations"]?.int64 else { return nil }
        func text(_ v: JSONValue?) -> String { v?.string ?? "" }
        func int(_ v: JSONValue?) -> Int { Int(v?.int64 ?? 0) }
        func money(_ v: JSONValue?) -> Money { Money(cents: v?.int64 ?? 0) }
        func counts(_ v: JSONValue?) -> [(key: String, count: Count)] {
            guard case .object(let o)? = v else { return [] }
            return o.members.map {
                (
                    key: $0.key,
                    count: Count(operations: int($0.value["operations"]), dwellings: int($0.value["dwellings"]))
                )
            }
        }
        self.init(
            rowsWithValues: Int(rows),
            errors: (d["errors"]?.array ?? []).map {
                CellError(
                    sheet: text($0["sheet"]), cell: text($0["cell"]), header: text($0["header"]),
                    value: text($0["value"]),
                    message: text($0["message"]))
            },
            operations: (d["operations_detail"]?.array ?? []).map { op in
                Operation(
                    row: int(op["row"]), reference: text(op["reference"]), kind: text(op["type"]),
                    product: op["product"]?.string,
                    dwellings: int(op["dwellings"]), costPrice: money(op["cost_price"]),
                    loanRequested: money(op["loan_requested"]),
                    checks: (op["eligibility"]?.array ?? []).map {
                        Check(
                            rule: text($0["rule"]), status: CriterionStatus(rawValue: text($0["status"])) ?? .missing,
                            message: text($0["message"]))
                    })
            },
            synthesis: Synthesis(
                operations: int(s["operations"]), dwellings: int(s["dwellings"]), costPrice: money(s["cost_price"]),
                loanRequested: money(s["loan_requested"]), byType: counts(s["by_type"]),
                byProduct: counts(s["by_product"])),
            cachedDifferences: (d["cached_synthesis_differences"]?.array ?? []).map {
                Difference(label: text($0["label"]), file: text($0["file"]), computed: text($0["computed"]))
            })
    }
}
