public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

extension SQLiteAssessmentStore {
    private static let appealColumns = """
        id, period, provider_id, dimension, reason, filed_by, filed_at, state, resolution, resolved_by, resolved_at, \
        override
        """

    public func appeal(_ id: AppealID, in sql: some SQLExecuting) throws(StorageError) -> Appeal? {
        try sql.queryOne("SELECT \(Self.appealColumns) FROM appeals WHERE id = ?", [.text(id.rawValue)])
            .map(Self.appeal(row:))
    }

    public func appeals(
        period: PeriodID,
        provider: ProviderID,
        in sql: some SQLExecuting
    ) throws(StorageError) -> [Appeal] {
        try sql.query(
            "SELECT \(Self.appealColumns) FROM appeals WHERE period = ? AND provider_id = ? ORDER BY filed_at, id",
            [.text(period.description), .text(provider.rawValue)]
        ).map(Self.appeal(row:))
    }

    public func pendingAppeals(period: PeriodID, in sql: some SQLExecuting) throws(StorageError) -> [Appeal] {
        try sql.query(
            "SELECT \(Self.appealColumns) FROM appeals WHERE period = ? AND state = 'PENDING' ORDER BY filed_at, id",
            [.text(period.description)]
        ).map(Self.appeal(row:))
    }

    public func saveAppeal(_ appeal: Appeal, in sql: Transaction) throws(StorageError) {
        try sql.execute("DELETE FROM appeals WHERE id = ?", [.text(appeal.id.rawValue)])
        try sql.execute(
            "INSERT INTO appeals (\(Self.appealColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                .text(appeal.id.rawValue), .text(appeal.period.description), .text(appeal.providerID.rawValue),
                .text(appeal.dimension.rawValue), .text(appeal.reason), .text(appeal.filedBy), appeal.filedAt.sqlValue,
                .text(appeal.state.rawValue), appeal.resolution.map(SQLValue.text) ?? .null,
                appeal.resolvedBy.map(SQLValue.text) ?? .null, appeal.resolvedAt?.sqlValue ?? .null,
                appeal.override.map { .text($0.jsonText) } ?? .null,
            ]
        )
    }

    private static func appeal(row: Row) throws(StorageError) -> Appeal {
        var override: IndicatorOverride?
        if let text = try row.value("override", as: String?.self) {
            do {
                override = try IndicatorOverride(stored: StoredJSON(try JSONValue.parse(Array(text.utf8)), "override"))
            } catch let error as StorageError {
                throw error
            } catch {
                throw StorageError(.invalidValue, "stored override: \(error)")
            }
        }
        return Appeal(
            id: try row.parsed("id") { (text) throws(IdentifierParseError) in try AppealID(text) },
            period: try row.parsed("period") { (text) throws(InvalidRequest) in try PeriodID(text) },
            providerID: try row.parsed("provider_id") { (text) throws(IdentifierParseError) in try ProviderID(text) },
            dimension: try row.enumeration("dimension"),
            reason: try row.value("reason"),
            filedBy: try row.value("filed_by"),
            filedAt: try row.timestamp("filed_at"),
            state: try row.enumeration("state"),
            resolution: try row.value("resolution"),
            resolvedBy: try row.value("resolved_by"),
            resolvedAt: try row.timestampIfPresent("resolved_at"),
            override: override
        )
    }
}
