public import WindMakerStorage
import WindMakerStoreKit

/// The incentive service's tables, as numbered migrations: portable SQL with the registry's conventions (amounts as
/// `INTEGER` fen or impressions, instants as integer microseconds, states as their names).
public enum IncentiveSchema {
    /// Every migration, in version order. Never edit an applied one; add a new one.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "ledger", sql: Self.version1 + IdempotencyStore.schema),
        Migration(version: 2, name: "programs_and_batches", sql: Self.version2),
        Migration(
            version: 3,
            name: "budget_returns_and_corrections",
            sql: [
                "ALTER TABLE programs ADD COLUMN returned_cash INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE programs ADD COLUMN returned_traffic INTEGER NOT NULL DEFAULT 0",
                "CREATE INDEX ledger_transfers_corrects ON ledger_transfers (corrects) WHERE corrects IS NOT NULL",
            ]
        ),
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

    private static let version2 = [
        """
        CREATE TABLE programs (
            id TEXT NOT NULL PRIMARY KEY,
            name TEXT NOT NULL,
            first_period TEXT NOT NULL,
            last_period TEXT NOT NULL,
            funded_cash INTEGER NOT NULL,
            funded_traffic INTEGER NOT NULL,
            fundings INTEGER NOT NULL,
            created_by TEXT NOT NULL,
            created_at INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE rules_versions (
            program TEXT NOT NULL REFERENCES programs (id),
            version INTEGER NOT NULL,
            effective_from TEXT NOT NULL,
            document TEXT NOT NULL,
            published_by TEXT NOT NULL,
            published_at INTEGER NOT NULL,
            PRIMARY KEY (program, version)
        )
        """,
        """
        CREATE TABLE batches (
            id TEXT NOT NULL PRIMARY KEY,
            program TEXT NOT NULL REFERENCES programs (id),
            period TEXT NOT NULL,
            sequence INTEGER NOT NULL,
            kind TEXT NOT NULL,
            state TEXT NOT NULL CHECK (state IN ('PROPOSED', 'APPROVED', 'POSTED', 'REJECTED', 'EXPIRED')),
            rules_version INTEGER NOT NULL,
            proposed_by TEXT NOT NULL,
            proposed_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            approved_by TEXT NULL,
            approved_at INTEGER NULL,
            postable_at INTEGER NULL,
            closed_by TEXT NULL,
            close_reason TEXT NULL,
            closed_at INTEGER NULL,
            posted_at INTEGER NULL,
            lines INTEGER NOT NULL,
            cash INTEGER NOT NULL,
            traffic INTEGER NOT NULL,
            clawback INTEGER NOT NULL,
            traffic_clawback INTEGER NOT NULL,
            carried INTEGER NOT NULL,
            UNIQUE (program, period, sequence)
        )
        """,
        """
        CREATE TABLE entitlement_lines (
            batch TEXT NOT NULL REFERENCES batches (id),
            program TEXT NOT NULL,
            period TEXT NOT NULL,
            provider_id TEXT NOT NULL,
            provider_type TEXT NOT NULL,
            tier TEXT NOT NULL,
            club TEXT NULL,
            scorecard_revision INTEGER NOT NULL,
            rulebook_version INTEGER NOT NULL,
            input_digest TEXT NOT NULL,
            status TEXT NOT NULL,
            earned INTEGER NOT NULL,
            carried_in INTEGER NOT NULL,
            deducted INTEGER NOT NULL,
            payout INTEGER NOT NULL,
            carry_out INTEGER NOT NULL,
            traffic INTEGER NOT NULL,
            clawback INTEGER NOT NULL,
            traffic_clawback INTEGER NOT NULL,
            explanation TEXT NOT NULL,
            PRIMARY KEY (batch, provider_id)
        )
        """,
        "CREATE INDEX entitlement_lines_program ON entitlement_lines (program, provider_id, period)",
        "CREATE INDEX entitlement_lines_open ON entitlement_lines (status)",
        """
        CREATE TABLE audit (
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            program TEXT NOT NULL,
            subject TEXT NOT NULL,
            detail TEXT NOT NULL
        )
        """,
    ]
}
