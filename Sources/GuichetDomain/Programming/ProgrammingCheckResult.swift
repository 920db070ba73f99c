/// The check of an uploaded programming table (`AMI-X`), as stored once and read by the
/// upload page, the receipt and the API (issue #10): a typed value, decoded once from the
/// contract's JSON document (`contracts/ami-programming-table.md`).
public struct ProgrammingCheckResult: Sendable, Equatable {
    public struct CellError: Sendable, Equatable {
        public let sheet: String
        public let cell: String
        public let header: String
        public let value: String
        public let message: String

        public init(sheet: String, cell: String, header: String, value: String, message: String) {
            self.sheet = sheet
            self.cell = cell
            self.header = header
            self.value = value
            self.message = message
        }
    }

    public struct Count: Sendable, Equatable {
        public let operations: Int
        public let dwellings: Int

        public init(operations: Int, dwellings: Int) {
            self.operations = operations
            self.dwellings = dwellings
        }
    }

    public struct Synthesis: Sendable, Equatable {
        public let operations: Int
        public let dwellings: Int
        public let costPrice: Money
        public let loanRequested: Money
        /// By operation type and by product, in key order.
        public let byType: [(key: String, count: Count)]
        public let byProduct: [(key: String, count: Count)]

        public init(
            operations: Int, dwellings: Int, costPrice: Money, loanRequested: Money,
            byType: [(key: String, count: Count)], byProduct: [(key: String, count: Count)]
        ) {
            self.operations = operations
            self.dwellings = dwellings
            self.costPrice = costPrice
            self.loanRequested = loanRequested
            self.byType = byType
            self.byProduct = byProduct
        }

        public static func == (a: Synthesis, b: Synthesis) -> Bool {
            a.operations == b.operations && a.dwellings == b.dwellings && a.costPrice == b.costPrice
                && a.loanRequested == b.loanRequested
                && a.byType.map(\.key) == b.byType.map(\.key) && a.byType.map(\.count) == b.byType.map(\.count)
                && a.byProduct.map(\.key) == b.byProduct.map(\.key)
                && a.byProduct.map(\.count) == b.byProduct.map(\.count)
        }

        /// What the filing form pre-fills and the lifecycle compares (`AMI-X`).
        public var filing: FilingSynthesis {
            FilingSynthesis(
                operations: operations, dwellings: dwellings, costPrice: costPrice, loanRequested: loanRequested)
        }
    }

    /// A figure of the workbook's « Données pour formulaire » sheet that differs from Guichet's.
    public struct Difference: Sendable, Equatable {
        public let label: String
        public let file: String
        public let computed: String

        public init(label: String, file: String, computed: String) {
            self.label = label
            self.file = file
            self.computed = computed
        }
    }

    /// One pre-check of an operation (`AMI-E`, `AMI-O`), with its rule id as data.
    public struct Check: Sendable, Equatable {
        public let rule: String
        public let status: CriterionStatus
        public let message: String

        public init(rule: String, status: CriterionStatus, message: String) {
            self.rule = rule
            self.status = status
            self.message = message
        }
    }

    public struct Operation: Sendable, Equatable {
        public let row: Int
        public let reference: String
        public let kind: String
        public let product: String?
        public let dwellings: Int
        public let costPrice: Money
        public let loanRequested: Money
        public let checks: [Check]

        public init(
            row: Int, reference: String, kind: String, product: String?, dwellings: Int, costPrice: Money,
            loanRequested: Money, checks: [Check]
        ) {
            self.row = row
            self.reference = reference
            self.kind = kind
            self.product = product
            self.dwellings = dwellings
            self.costPrice = costPrice
            self.loanRequested = loanRequested
            self.checks = checks
        }
    }

    /// Rows with at least one value (the `operations` count of the document).
    public let rowsWithValues: Int
    public let errors: [CellError]
    public let operations: [Operation]
    public let synthesis: Synthesis
    public let cachedDifferences: [Difference]

    public init(
        rowsWithValues: Int, errors: [CellError], operations: [Operation], synthesis: Synthesis,
        cachedDifferences: [Difference]
    ) {
        self.rowsWithValues = rowsWithValues
        self.errors = errors
        self.operations = operations
        self.synthesis = synthesis
        self.cachedDifferences = cachedDifferences
    }
}
