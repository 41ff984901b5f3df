/// One numbered step of a database schema: SQL applied once, in its own transaction, and recorded in
/// `schema_migrations`.
///
/// Versions are strictly increasing and never reused; an applied migration is never edited, a change is a new
/// migration. Keep the SQL portable (`INTEGER`/`TEXT` columns) so a PostgreSQL store can share the schema.
///
/// ```swift
/// static let migrations = [
///     Migration(version: 1, name: "providers", sql: [
///         "CREATE TABLE providers (id INTEGER PRIMARY KEY, credit_code TEXT NOT NULL UNIQUE)",
///     ]),
/// ]
/// ```
public struct Migration: Hashable, Sendable {
    /// The version number, greater than 0 and greater than the previous migration's.
    public var version: Int
    /// A short name recorded with the version; a database that recorded another name for this version is refused.
    public var name: String
    /// The statements, run in order; one string may also hold several statements separated by `;`.
    public var sql: [String]

    /// Creates a migration.
    public init(version: Int, name: String, sql: [String]) {
        self.version = version
        self.name = name
        self.sql = sql
    }
}

extension Migration {
    /// Refuses versions that are not positive and strictly increasing, and empty names (both engines follow the same
    /// rules).
    package static func validate(_ migrations: [Migration]) throws(StorageError) {
        var previous = 0
        for migration in migrations {
            guard migration.version > previous else {
                throw StorageError(
                    .misuse,
                    "migration versions must be positive and strictly increasing; \(migration.version) follows \(previous)"
                )
            }
            guard !migration.name.isEmpty else {
                throw StorageError(.misuse, "migration \(migration.version) has no name")
            }
            previous = migration.version
        }
    }

    /// Refuses a database that recorded a version this code does not know (a newer schema) or a known version under
    /// another name.
    package static func check(_ applied: [Int: String], against migrations: [Migration]) throws(StorageError) {
        let known = Dictionary(uniqueKeysWithValues: migrations.map { ($0.version, $0.name) })
        for (version, name) in applied.sorted(by: { $0.key < $1.key }) {
            guard let knownName = known[version] else {
                throw StorageError(
                    .incompatibleSchema,
                    "the database has migration \(version) (\(name)), which this code does not know: it is newer"
                )
            }
            guard knownName == name else {
                throw StorageError(
                    .incompatibleSchema,
                    "migration \(version) is recorded as \(name) but this code calls it \(knownName)"
                )
            }
        }
    }
}
