public import WindMakerStorage
import WindMakerStoreKit

/// The incentive service's tables, as numbered migrations: portable SQL with the registry's conventions (amounts as
/// `INTEGER` fen or impressions, instants as integer microseconds, states as their names).
public enum IncentiveSchema {
    /// Every migration, in version order. Never edit an applied one; add a new one.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "ledger", sql: Self.version1 + IdempotencyStore.schema)
    ]

    private static let version1 = [
        """
        CREATE TABLE ledger_accounts (
            id TEXT NOT NULL PRIMARY KEY,
            unit TEXT NOT NULL,
            no_overdraft INTEGER NOT NULL,
            debits_posted INTEGER NOT NULL,
            credits_posted INTEGER NOT NULL,
            debits_pending INTEGER NOT NULL,
            credits_pending INTEGER NOT NULL,
            created_at INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE ledger_transfers (
            id TEXT NOT NULL PRIMARY KEY,
            debit_account TEXT NOT NULL REFERENCES ledger_accounts (id),
            credit_account TEXT NOT NULL REFERENCES ledger_accounts (id),
            amount INTEGER NOT NULL,
            unit TEXT NOT NULL,
            state TEXT NOT NULL,
            corrects TEXT NULL,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        )
        """,
    ]
}
