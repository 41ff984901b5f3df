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
