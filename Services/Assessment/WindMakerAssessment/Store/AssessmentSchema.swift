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
        Migration(version: 1, name: "assessment", sql: Self.version1 + IdempotencyStore.schema),
        // Reports read a period's club GMV and outcomes without parsing ten thousand breakdowns.
        Migration(
            version: 2,
            name: "scorecards_club_gmv",
            sql: ["ALTER TABLE scorecards ADD COLUMN club_gmv INTEGER NOT NULL DEFAULT 0"]
        ),
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
            finalized_at INTEGER NULL,
            providers INTEGER NOT NULL,
            attributed_facts INTEGER NOT NULL,
            unattributed_facts INTEGER NOT NULL,
            bindings INTEGER NOT NULL,
            bindings_digest TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE scorecards (
            period TEXT NOT NULL,
            provider_id TEXT NOT NULL,
            revision INTEGER NOT NULL,
            is_current INTEGER NOT NULL,
            provider_type TEXT NOT NULL,
            composite INTEGER NOT NULL,
            tier TEXT NOT NULL,
            club TEXT NULL,
            type_rank INTEGER NULL,
            disqualified INTEGER NOT NULL,
            rulebook_version INTEGER NOT NULL,
            input_digest TEXT NOT NULL,
            breakdown TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            PRIMARY KEY (period, provider_id, revision)
        )
        """,
        "CREATE INDEX scorecards_ranking ON scorecards (period, is_current, provider_type, type_rank)",
        """
        CREATE TABLE appeals (
            id TEXT NOT NULL PRIMARY KEY,
            period TEXT NOT NULL,
            provider_id TEXT NOT NULL,
            dimension TEXT NOT NULL,
            reason TEXT NOT NULL,
            filed_by TEXT NOT NULL,
            filed_at INTEGER NOT NULL,
            state TEXT NOT NULL,
            resolution TEXT NULL,
            resolved_by TEXT NULL,
            resolved_at INTEGER NULL,
            override TEXT NULL
        )
        """,
        "CREATE INDEX appeals_by_scorecard ON appeals (period, provider_id, filed_at)",
        """
        CREATE TABLE assessment_audit (
            id INTEGER NOT NULL PRIMARY KEY,
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            action TEXT NOT NULL,
            period TEXT NOT NULL,
            provider_id TEXT NULL,
            detail TEXT NOT NULL
        )
        """,
    ]
}
