public import WindMakerKit
public import WindMakerStorage
import WindMakerStoreKit

/// What the ledger already holds per provider, for the next batch of a program and period (``ProviderHistory``).
extension SQLiteIncentiveStore {
    public func history(
        _ program: ProgramID,
        _ period: PeriodID,
        in sql: some SQLExecuting
    ) throws -> [ProviderID: ProviderHistory] {
        var history: [ProviderID: ProviderHistory] = [:]
        let scope: [SQLValue] = [.text(program.rawValue), .text(period.description)]
        for row in try sql.query(
            """
            SELECT l.provider_id, SUM(l.earned) AS earned FROM entitlement_lines l JOIN batches b ON b.id = l.batch
            WHERE l.program = ? AND l.period <> ? AND b.state IN ('PROPOSED', 'APPROVED', 'POSTED')
                AND l.status <> 'VOIDED'
            GROUP BY l.provider_id
            """,
            scope
        ) {
            history[try Self.provider(row), default: ProviderHistory()].earnedInProgram = try row.value("earned")
        }
        // The carry of the provider's latest posted regular line of an earlier period; a voided line lost it.
        for row in try sql.query(
            """
            SELECT provider_id, carry_out FROM (
                SELECT l.provider_id, l.carry_out, l.status,
                    ROW_NUMBER() OVER (PARTITION BY l.provider_id ORDER BY l.period DESC) AS n
                FROM entitlement_lines l JOIN batches b ON b.id = l.batch
                WHERE l.program = ? AND l.period < ? AND b.state = 'POSTED' AND b.kind = 'REGULAR'
            ) latest
            WHERE n = 1 AND carry_out > 0 AND status <> 'VOIDED'
            """,
            scope
        ) {
            history[try Self.provider(row), default: ProviderHistory()].carriedForward = try row.value("carry_out")
        }
        // A voided line was not paid, but the revision it answered is dealt with: a later compute does not propose it
        // again.
        for row in try sql.query(
            """
            SELECT l.provider_id,
                SUM(CASE WHEN l.status <> 'VOIDED' THEN l.earned ELSE 0 END) AS earned,
                SUM(CASE WHEN l.status <> 'VOIDED' THEN l.traffic - l.traffic_clawback ELSE 0 END) AS traffic,
                MAX(l.scorecard_revision) AS revision
            FROM entitlement_lines l JOIN batches b ON b.id = l.batch
            WHERE l.program = ? AND l.period = ? AND b.state = 'POSTED'
            GROUP BY l.provider_id
            """,
            scope
        ) {
            let provider = try Self.provider(row)
            history[provider, default: ProviderHistory()].earnedThisPeriod = try row.value("earned")
            history[provider, default: ProviderHistory()].trafficThisPeriod = try row.value("traffic")
            history[provider, default: ProviderHistory()].paidRevision = try row.value("revision")
        }
        for (provider, owed) in try self.receivables(in: sql) where owed > 0 {
            history[provider, default: ProviderHistory()].receivable = owed
        }
        return history
    }

    /// Clawbacks each provider owes, less what live or held lines already earmarked to settle them.
    private func receivables(in sql: some SQLExecuting) throws -> [ProviderID: Int64] {
        var owed: [ProviderID: Int64] = [:]
        for row in try sql.query(
            """
            SELECT id, debits_posted - credits_posted AS owed FROM ledger_accounts
            WHERE id LIKE 'provider:%:receivable' AND debits_posted > credits_posted
            """,
            []
        ) {
            let account: String = try row.value("id")
            let id = account.dropFirst("provider:".count).dropLast(":receivable".count)
            guard let provider = try? ProviderID(String(id)) else { continue }
            owed[provider] = try row.value("owed")
        }
        for row in try sql.query(
            """
            SELECT provider_id, SUM(deducted) AS earmarked FROM entitlement_lines
            WHERE status IN ('PENDING', 'HELD') AND deducted > 0 GROUP BY provider_id
            """,
            []
        ) {
            let provider = try Self.provider(row)
            owed[provider, default: 0] -= try row.value("earmarked")
        }
        return owed
    }

    private static func provider(_ row: Row) throws -> ProviderID {
        try row.parsed("provider_id") { (text) throws(IdentifierParseError) in try ProviderID(text) }
    }
}
