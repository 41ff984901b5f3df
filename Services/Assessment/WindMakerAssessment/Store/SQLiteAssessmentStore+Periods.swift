public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

extension SQLiteAssessmentStore {
    private static let periodColumns = """
        period, state, rulebook_version, computed_at, published_at, appeal_deadline, finalized_at, providers, \
        attributed_facts, unattributed_facts, bindings, bindings_digest
        """

    public func period(_ period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> PeriodRecord? {
        try sql.queryOne("SELECT \(Self.periodColumns) FROM periods WHERE period = ?", [.text(period.description)])
            .map(Self.period(row:))
    }

    public func periods(in sql: some SQLExecuting) throws(StorageError) -> [PeriodRecord] {
        try sql.query("SELECT \(Self.periodColumns) FROM periods ORDER BY period", []).map(Self.period(row:))
    }

    public func savePeriod(_ record: PeriodRecord, in sql: Transaction) throws(StorageError) {
        try sql.execute("DELETE FROM periods WHERE period = ?", [.text(record.period.description)])
        func time(_ value: Timestamp?) -> SQLValue { value?.sqlValue ?? .null }
        try sql.execute(
            "INSERT INTO periods (\(Self.periodColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(record.period.description), .text(record.state.rawValue),
                record.rulebookVersion.map { .integer(Int64($0)) } ?? .null, time(record.computedAt),
                time(record.publishedAt), time(record.appealDeadline), time(record.finalizedAt),
                .integer(Int64(record.summary.providers)), .integer(Int64(record.summary.attributedFacts)),
                .integer(Int64(record.summary.unattributedFacts)), .integer(Int64(record.summary.bindings)),
                .text(record.bindingsDigest),
            ]
        )
    }

    private static func period(row: Row) throws(StorageError) -> PeriodRecord {
        PeriodRecord(
            period: try row.parsed("period") { (text) throws(InvalidRequest) in try PeriodID(text) },
            state: try row.enumeration("state"),
            rulebookVersion: try row.value("rulebook_version", as: Int64?.self).map(Int.init),
            computedAt: try row.timestampIfPresent("computed_at"),
            publishedAt: try row.timestampIfPresent("published_at"),
            appealDeadline: try row.timestampIfPresent("appeal_deadline"),
            finalizedAt: try row.timestampIfPresent("finalized_at"),
            summary: PeriodComputation.Summary(
                providers: Int(try row.value("providers", as: Int64.self)),
                attributedFacts: Int(try row.value("attributed_facts", as: Int64.self)),
                unattributedFacts: Int(try row.value("unattributed_facts", as: Int64.self)),
                bindings: Int(try row.value("bindings", as: Int64.self))
            ),
            bindingsDigest: try row.value("bindings_digest")
        )
    }

    public func appendAudit(_ record: AuditRecord, in sql: Transaction) throws(StorageError) {
        // The next id is read, then written: on a shared store no other instance may read the same one meanwhile.
        try sql.lock("assessment audit")
        let next =
            try sql.queryOne("SELECT COALESCE(MAX(id), 0) + 1 FROM assessment_audit", [])?.value(at: 0, as: Int64.self)
            ?? 1
        try sql.execute(
            "INSERT INTO assessment_audit (id, at, actor, action, period, provider_id, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                .integer(next), record.at.sqlValue, .text(record.actor), .text(record.action), .text(record.period),
                record.providerID.map { .text($0.rawValue) } ?? .null, .text(record.detail),
            ]
        )
    }
}
