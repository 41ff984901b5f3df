public import WindMakerStorage
import WindMakerStoreKit

/// The registry's tables, as numbered migrations applied at start by ``Database/migrate(_:)``.
///
/// Portable SQL only, so a PostgreSQL store can share it: `TEXT`, `INTEGER` and `BLOB` columns (PostgreSQL spells
/// the last `BYTEA`), dates as `YYYY-MM-DD` text (text order is date order), instants as integer microseconds since
/// the Unix epoch, enumerations as their upper-case wire names. No `AUTOINCREMENT`, no SQLite type affinities relied
/// on, no `INSERT OR …`: audit ids are assigned by the store (`MAX(id) + 1` inside the write transaction).
///
/// ```swift
/// let database = try SQLiteDatabase(path: "/var/lib/windmaker/registry.sqlite")
/// try database.migrate(RegistrySchema.migrations)
/// ```
public enum RegistrySchema {
    /// Every migration, in version order. Never edit an applied one; add a new one.
    public static let migrations: [Migration] = [
        Migration(version: 1, name: "registry", sql: Self.version1),
        Migration(version: 2, name: "idempotency_keys_created", sql: [IdempotencyStore.createIndex]),
    ]

    private static let version1 = [
        """
        CREATE TABLE providers (
            id TEXT NOT NULL PRIMARY KEY,
            credit_code TEXT NOT NULL UNIQUE,
            display_name TEXT NOT NULL,
            legal_name TEXT NOT NULL,
            type TEXT NOT NULL,
            region TEXT NULL,
            contact_name TEXT NOT NULL,
            contact_phone TEXT NOT NULL,
            contact_email TEXT NOT NULL,
            traffic_operation_description TEXT NOT NULL,
            traffic_operation_rating INTEGER NOT NULL,
            live_stream_operation_description TEXT NOT NULL,
            live_stream_operation_rating INTEGER NOT NULL,
            streamer_incubation_description TEXT NOT NULL,
            streamer_incubation_rating INTEGER NOT NULL,
            supply_chain_description TEXT NOT NULL,
            supply_chain_rating INTEGER NOT NULL,
            service_fulfilment_description TEXT NOT NULL,
            service_fulfilment_rating INTEGER NOT NULL,
            status TEXT NOT NULL,
            status_reason TEXT NULL,
            created_at_micros INTEGER NOT NULL,
            updated_at_micros INTEGER NOT NULL,
            version INTEGER NOT NULL
        )
        """,
        // List filters page by id within one filter column; the id makes the order stable.
        "CREATE INDEX providers_type_id ON providers (type, id)",
        "CREATE INDEX providers_status_id ON providers (status, id)",
        "CREATE INDEX providers_region_id ON providers (region, id)",
        """
        CREATE TABLE provider_categories (
            provider_id TEXT NOT NULL REFERENCES providers (id),
            position INTEGER NOT NULL,
            category TEXT NOT NULL,
            PRIMARY KEY (provider_id, position)
        )
        """,
        """
        CREATE TABLE audit_entries (
            id INTEGER NOT NULL PRIMARY KEY,
            provider_id TEXT NOT NULL REFERENCES providers (id),
            actor TEXT NOT NULL,
            at_micros INTEGER NOT NULL,
            from_status TEXT NULL,
            to_status TEXT NOT NULL,
            reason TEXT NULL
        )
        """,
        "CREATE INDEX audit_entries_provider_id ON audit_entries (provider_id, id)",
        """
        CREATE TABLE invitations (
            code TEXT NOT NULL PRIMARY KEY,
            credit_code TEXT NOT NULL,
            organisation_name TEXT NULL,
            issued_by TEXT NOT NULL,
            issued_at_micros INTEGER NOT NULL,
            expires_at_micros INTEGER NOT NULL,
            redeemed_at_micros INTEGER NULL,
            redeemed_provider_id TEXT NULL REFERENCES providers (id)
        )
        """,
        "CREATE INDEX invitations_credit_code ON invitations (credit_code)",
        """
        CREATE TABLE bindings (
            id TEXT NOT NULL PRIMARY KEY,
            provider_id TEXT NOT NULL REFERENCES providers (id),
            client_kind TEXT NOT NULL,
            client_id TEXT NOT NULL,
            scope TEXT NOT NULL,
            start_date TEXT NOT NULL,
            end_date TEXT NULL,
            state TEXT NOT NULL,
            ended_on TEXT NULL,
            proposed_by TEXT NOT NULL,
            confirmed_by TEXT NULL,
            version INTEGER NOT NULL,
            created_at_micros INTEGER NOT NULL
        )
        """,
        // Conflict checks and attribution: one range scan per (client, scope).
        "CREATE INDEX bindings_client_scope_start ON bindings (client_kind, client_id, scope, start_date)",
        "CREATE INDEX bindings_provider_start ON bindings (provider_id, start_date)",
        IdempotencyStore.createTable,
    ]
}
