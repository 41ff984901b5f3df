public import WindMakerStorage
import WindMakerStoreKit

/// The assessment's tables, as numbered migrations applied at start by ``Database/migrate(_:)``.
///
/// Portable SQL only (the registry's conventions: `TEXT` and `INTEGER` columns, dates as `YYYY-MM-DD`, periods as
/// `YYYY-MM`, instants as integer microseconds, enumerations as their wire names), so a PostgreSQL store can share
/// it.
public enum AssessmentSchema {
    /// Every migration, in version order. Never edit an applied one; add a new one.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "assessment", sql: Self.version1 + IdempotencyStore.schema)
    ]

    private static let version1 = [
        """
        CREATE TABLE facts (
            fact_id TEXT NOT NULL PRIMARY KEY,
            subject_kind TEXT NOT NULL,
            subject_id TEXT NOT NULL,
            fact_date TEXT NOT NULL,
            metric TEXT NOT NULL,
            violation_kind TEXT NOT NULL,
            value INTEGER NOT NULL,
            received_at INTEGER NOT NULL,
            late INTEGER NOT NULL
        )
        """,
        "CREATE INDEX facts_by_date ON facts (fact_date)",
        """
        CREATE TABLE rulebooks (
            version INTEGER NOT NULL PRIMARY KEY,
            effective_from TEXT NOT NULL,
            document TEXT NOT NULL,
            digest TEXT NOT NULL,
            published_by TEXT NOT NULL,
            published_at INTEGER NOT NULL
        )
        """,
        """
        CREATE TABLE periods (
            period TEXT NOT NULL PRIMARY KEY,
            state TEXT NOT NULL,
            rulebook_version INTEGER NULL,
            computed_at INTEGER NULL,
            published_at INTEGER NULL,
            appeal_deadline INTEGER NULL,
            finalized_at INTEGER NULL
        )
        """,
    ]
}
