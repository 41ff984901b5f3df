public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// ``AssessmentStore`` on ``AssessmentSchema``'s tables, in portable SQL.
public struct SQLiteAssessmentStore: AssessmentStore {
    public init() {}

    public func insertFact(
        _ fact: Fact,
        late: Bool,
        receivedAt: Timestamp,
        in sql: Transaction
    ) throws(StorageError) -> Bool {
        let changed = try sql.execute(
            "INSERT INTO facts (\(Fact.columns), received_at, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (fact_id) DO NOTHING",
            fact.sqlValues + [receivedAt.sqlValue, .integer(late ? 1 : 0)]
        )
        return changed == 1
    }

    public func fact(_ id: FactID, in sql: Transaction) throws(StorageError) -> Fact? {
        try sql.queryOne("SELECT \(Fact.columns) FROM facts WHERE fact_id = ?", [.text(id.rawValue)]).map(
            Fact.init(row:)
        )
    }

    public func finalPeriods(in sql: Transaction) throws(StorageError) -> Set<PeriodID> {
        var periods = Set<PeriodID>()
        for row in try sql.query("SELECT period FROM periods WHERE state = 'FINAL'", []) {
            periods.insert(try row.parsed("period") { (text) throws(InvalidRequest) in try PeriodID(text) })
        }
        return periods
    }

    public func insertRulebook(_ record: RulebookRecord, in sql: Transaction) throws(StorageError) {
        try sql.execute(
            "INSERT INTO rulebooks (version, effective_from, document, digest, published_by, published_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)",
            [
                .integer(Int64(record.version)), .text(record.effectiveFrom.description), .text(record.document),
                .text(record.digest), .text(record.publishedBy), record.publishedAt.sqlValue,
            ]
        )
    }

    public func latestRulebookVersion(in sql: some SQLExecuting) throws(StorageError) -> Int? {
        try sql.queryOne("SELECT MAX(version) FROM rulebooks", [])?.value(at: 0, as: Int64?.self).map(Int.init)
    }

    public func rulebook(version: Int, in sql: some SQLExecuting) throws(StorageError) -> RulebookRecord? {
        try sql.queryOne(
            "SELECT \(Self.rulebookColumns) FROM rulebooks WHERE version = ?",
            [.integer(Int64(version))]
        ).map(Self.rulebook(row:))
    }

    public func rulebook(
        effectiveFor period: PeriodID,
        in sql: some SQLExecuting
    ) throws(StorageError) -> RulebookRecord? {
        try sql.queryOne(
            "SELECT \(Self.rulebookColumns) FROM rulebooks WHERE effective_from <= ? ORDER BY version DESC LIMIT 1",
            [.text(period.description)]
        ).map(Self.rulebook(row:))
    }

    private static let rulebookColumns = "version, effective_from, document, published_by, published_at"

    private static func rulebook(row: Row) throws(StorageError) -> RulebookRecord {
        let version = try row.value("version", as: Int64.self)
        let effectiveFrom = try row.parsed("effective_from") { (text) throws(InvalidRequest) in try PeriodID(text) }
        do {
            return try RulebookRecord(
                version: Int(version),
                effectiveFrom: effectiveFrom,
                document: try row.value("document"),
                publishedBy: try row.value("published_by"),
                publishedAt: try row.timestamp("published_at")
            )
        } catch {
            throw StorageError(.invalidValue, "stored rulebook \(version): \(error)")
        }
    }
}
