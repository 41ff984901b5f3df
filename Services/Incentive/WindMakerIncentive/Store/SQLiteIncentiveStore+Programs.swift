public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// Programs, their funding totals and their rules versions.
extension SQLiteIncentiveStore {
    /// What moved between the funding sources and the program's budgets.
    public struct Funding: Hashable, Sendable {
        /// Put into the budgets (fundings and operators' top-ups).
        public var cash: Int64 = 0
        public var traffic: Int64 = 0
        /// Taken back out to the funding sources (operators' returns and corrections of fundings).
        public var returnedCash: Int64 = 0
        public var returnedTraffic: Int64 = 0
        /// How many fundings the program has had (each is a transfer, named by its number).
        public var count: Int64 = 0
    }

    private static let programColumns = "id, name, first_period, last_period, created_by, created_at"

    public func program(_ id: ProgramID, in sql: some SQLExecuting) throws -> Program? {
        try sql.queryOne("SELECT \(Self.programColumns) FROM programs WHERE id = ?", [.text(id.rawValue)])
            .map(Self.program(row:))
    }

    /// Programs by id after `after`, at most `limit` (every one when `nil`).
    public func programs(after: ProgramID?, limit: Int?, in sql: some SQLExecuting) throws -> [Program] {
        try sql.query(
            "SELECT \(Self.programColumns) FROM programs WHERE id > ? ORDER BY id LIMIT ?",
            [.text(after?.rawValue ?? ""), .integer(Int64(limit ?? Int.max))]
        ).map(Self.program(row:))
    }

    private static func program(row: Row) throws -> Program {
        Program(
            id: try row.parsed("id") { (text) throws(InvalidRequest) in try ProgramID(text) },
            name: try row.value("name"),
            first: try row.parsed("first_period") { (text) throws(InvalidRequest) in try PeriodID(text) },
            last: try row.parsed("last_period") { (text) throws(InvalidRequest) in try PeriodID(text) },
            createdBy: try row.value("created_by"),
            createdAt: try row.timestamp("created_at")
        )
    }

    public func insertProgram(_ program: Program, in sql: Transaction) throws {
        try sql.execute(
            """
            INSERT INTO programs (id, name, first_period, last_period, funded_cash, funded_traffic, fundings,
                created_by, created_at)
            VALUES (?, ?, ?, ?, 0, 0, 0, ?, ?)
            """,
            [
                .text(program.id.rawValue), .text(program.name), .text(program.first.description),
                .text(program.last.description), .text(program.createdBy), program.createdAt.sqlValue,
            ]
        )
    }

    public func funding(_ id: ProgramID, in sql: some SQLExecuting) throws -> Funding {
        guard
            let row = try sql.queryOne(
                """
                SELECT funded_cash, funded_traffic, returned_cash, returned_traffic, fundings FROM programs WHERE id = ?
                """,
                [.text(id.rawValue)]
            )
        else { return Funding() }
        var funding = Funding()
        funding.cash = try row.value("funded_cash")
        funding.traffic = try row.value("funded_traffic")
        funding.returnedCash = try row.value("returned_cash")
        funding.returnedTraffic = try row.value("returned_traffic")
        funding.count = try row.value("fundings")
        return funding
    }

    public func saveFunding(_ id: ProgramID, _ funding: Funding, in sql: Transaction) throws {
        try sql.execute(
            """
            UPDATE programs SET funded_cash = ?, funded_traffic = ?, returned_cash = ?, returned_traffic = ?,
                fundings = ?
            WHERE id = ?
            """,
            [
                .integer(funding.cash), .integer(funding.traffic), .integer(funding.returnedCash),
                .integer(funding.returnedTraffic), .integer(funding.count), .text(id.rawValue),
            ]
        )
    }

    /// Every rules version of a program, oldest first.
    public func rulesVersions(_ program: ProgramID, in sql: some SQLExecuting) throws -> [RulesVersion] {
        try sql.query(
            """
            SELECT program, version, effective_from, document, published_by, published_at
            FROM rules_versions WHERE program = ? ORDER BY version
            """,
            [.text(program.rawValue)]
        ).map { row in
            let document: String = try row.value("document")
            return RulesVersion(
                program: program,
                version: try row.value("version"),
                effectiveFrom: try row.parsed("effective_from") { (text) throws(InvalidRequest) in
                    try PeriodID(text)
                },
                document: document,
                rules: try row.parsed("document") { (text) throws(InvalidRequest) in
                    try EntitlementRules.read(Array(text.utf8))
                },
                publishedBy: try row.value("published_by"),
                publishedAt: try row.timestamp("published_at")
            )
        }
    }

    public func insertRulesVersion(_ version: RulesVersion, in sql: Transaction) throws {
        try sql.execute(
            """
            INSERT INTO rules_versions (program, version, effective_from, document, published_by, published_at)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [
                .text(version.program.rawValue), .integer(version.version), .text(version.effectiveFrom.description),
                .text(version.document), .text(version.publishedBy), version.publishedAt.sqlValue,
            ]
        )
    }

    /// Appends to the audit trail (`program` is `nil` for ledger-wide actions such as operator transfers).
    public func appendAudit(
        at time: Timestamp,
        actor: String,
        action: String,
        program: ProgramID?,
        subject: String,
        detail: String,
        in sql: Transaction
    ) throws {
        try sql.execute(
            "INSERT INTO audit (at, actor, action, program, subject, detail) VALUES (?, ?, ?, ?, ?, ?)",
            [time.sqlValue, .text(actor), .text(action), .text(program?.rawValue ?? ""), .text(subject), .text(detail)]
        )
    }
}
