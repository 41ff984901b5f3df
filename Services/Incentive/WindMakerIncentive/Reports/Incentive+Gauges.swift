public import WindMakerStorage

extension Incentive {
    /// What every program's budget has left to reserve, summed per unit (`FEN`, `IMPRESSIONS`), and how many batches
    /// are waiting for approval or posting, by state: the figures the metrics show.
    public func gauges() throws(StorageError) -> (remaining: [String: Int64], liveBatches: [String: Int64]) {
        var remaining: [String: Int64] = ["FEN": 0, "IMPRESSIONS": 0]
        // Budget accounts are `program:<id>:cash` and `program:<id>:traffic` (LedgerAccounts.programBudget).
        for row in try self.database.query(
            """
            SELECT unit, SUM(credits_posted - debits_posted - debits_pending) FROM ledger_accounts
            WHERE id LIKE 'program:%' GROUP BY unit
            """,
            []
        ) {
            remaining[try row.value(at: 0, as: String.self)] = try row.value(at: 1, as: Int64?.self) ?? 0
        }
        var live: [String: Int64] = ["PROPOSED": 0, "APPROVED": 0]
        for row in try self.database.query(
            "SELECT state, COUNT(*) FROM batches WHERE state IN ('PROPOSED', 'APPROVED') GROUP BY state",
            []
        ) {
            live[try row.value(at: 0, as: String.self)] = try row.value(at: 1, as: Int64.self)
        }
        return (remaining, live)
    }
}
