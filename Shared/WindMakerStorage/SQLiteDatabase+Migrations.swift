extension SQLiteDatabase {
    /// Brings the schema up to date: applies every migration the database has not recorded, in version order, each
    /// in its own transaction together with its `schema_migrations` row, so a crash leaves it either applied and
    /// recorded or neither. Running it again is a no-op.
    ///
    /// Creates `schema_migrations(version INTEGER PRIMARY KEY, name TEXT NOT NULL,
    /// applied_at_micros INTEGER NOT NULL)` when missing.
    ///
    /// - Parameter migrations: every migration the code knows, in strictly increasing version order.
    /// - Throws: ``StorageError/Code/misuse`` when the versions are not positive and strictly increasing or a name
    ///   is empty; ``StorageError/Code/incompatibleSchema`` when the database recorded a version the code does not
    ///   know (a newer schema: run the newer code), recorded a known version under another name, or lacks a version
    ///   lower than one it has; any other ``StorageError`` from the migration's SQL (that migration is rolled back,
    ///   earlier ones stay).
    public func migrate(_ migrations: [Migration]) throws(StorageError) {
        try Migration.validate(migrations)
        try self.execute(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                version INTEGER PRIMARY KEY,
                name TEXT NOT NULL,
                applied_at_micros INTEGER NOT NULL
            )
            """
        )
        for migration in migrations {
            do {
                try self.transaction { sql in
                    // Read inside the write transaction: another process may have migrated since the last step.
                    let applied = try Self.appliedMigrations(sql)
                    try Migration.check(applied, against: migrations)
                    guard applied[migration.version] == nil else { return }
                    if let newest = applied.keys.max(), newest > migration.version {
                        throw StorageError(
                            .incompatibleSchema,
                            "migration \(migration.version) (\(migration.name)) is missing but \(newest) is applied"
                        )
                    }
                    for statement in migration.sql {
                        try sql.executeScript(statement)
                    }
                    try sql.execute(
                        "INSERT INTO schema_migrations (version, name, applied_at_micros) VALUES (?, ?, ?)",
                        [.integer(Int64(migration.version)), .text(migration.name), .integer(WallClock.nowMicros())]
                    )
                }
            } catch let error as StorageError {
                throw error
            } catch {
                throw StorageError(.other, "migration \(migration.version) failed: \(error)")
            }
        }
    }

    private static func appliedMigrations(_ sql: Transaction) throws(StorageError) -> [Int: String] {
        var applied: [Int: String] = [:]
        for row in try sql.query("SELECT version, name FROM schema_migrations", []) {
            applied[try row.value("version", as: Int.self)] = try row.value("name", as: String.self)
        }
        return applied
    }
}
