import CLibPQ
public import WindMakerStorage

extension PostgresConnection {
    /// Brings `schema` up to date with the same numbered migrations the SQLite store applies, under a session
    /// advisory lock on the schema's name, so that instances starting together apply each migration once (the
    /// others wait, then find it recorded). Each migration runs in its own transaction with its
    /// `schema_migrations` row. Leaves the connection's `search_path` on `schema`.
    /// - Throws: ``StorageError`` as ``Database/migrate(_:)`` does: `.misuse` for bad versions, `.incompatibleSchema`
    ///   for a newer or renamed schema, the statement's error for a failing migration (rolled back).
    public func migrate(_ migrations: [Migration], schema: String) throws(StorageError) {
        try Migration.validate(migrations)
        try PostgresDialect.checkSchemaName(schema)
        // The lock first: `CREATE SCHEMA IF NOT EXISTS` itself is not safe against a concurrent creator.
        try self.execute("SELECT pg_advisory_lock(hashtext(?))", [.text("windmaker.migrate.\(schema)")])
        defer {
            _ = try? self.execute("SELECT pg_advisory_unlock(hashtext(?))", [.text("windmaker.migrate.\(schema)")])
        }
        try self.execute("CREATE SCHEMA IF NOT EXISTS \(schema)")
        try self.execute("SET search_path TO \(schema)")
        try self.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT COLLATE "C" NOT NULL,
                applied_at_micros BIGINT NOT NULL
            )
            """
        )
        var applied: [Int: String] = [:]
        for row in try self.query("SELECT version, name FROM schema_migrations") {
            applied[try row.value("version", as: Int.self)] = try row.value("name", as: String.self)
        }
        try Migration.check(applied, against: migrations)
        for migration in migrations where applied[migration.version] == nil {
            if let newest = applied.keys.max(), newest > migration.version {
                throw StorageError(
                    .incompatibleSchema,
                    "migration \(migration.version) (\(migration.name)) is missing but \(newest) is applied"
                )
            }
            try self.execute("BEGIN")
            do {
                for statement in migration.sql { try self.executeScript(PostgresDialect.ddl(statement)) }
                try self.execute(
                    "INSERT INTO schema_migrations (version, name, applied_at_micros) VALUES (?, ?, ?)",
                    [.integer(Int64(migration.version)), .text(migration.name), .integer(PostgresDialect.nowMicros())]
                )
                try self.execute("COMMIT")
            } catch {
                _ = try? self.execute("ROLLBACK")
                throw error
            }
            applied[migration.version] = migration.name
        }
    }
}
