/// Programs, rules versions, batches, entitlement lines and the audit trail, in portable SQL beside the ledger's
/// rows (``SQLiteLedgerStore``); a PostgreSQL store implements the same operations.
public struct SQLiteIncentiveStore: Sendable {
    public init() {}
}
