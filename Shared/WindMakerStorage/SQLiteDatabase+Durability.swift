extension SQLiteDatabase {
    /// The journal mode and sync level of the connection that commits, read from the connection itself.
    /// - Throws: ``StorageError``, e.g. ``StorageError/Code/misuse`` once closed.
    public func durabilitySettings() throws(StorageError) -> DurabilitySettings {
        try self.withConnection { (connection) throws(StorageError) -> DurabilitySettings in
            let journalMode = try connection.queryOne("PRAGMA journal_mode", [])?.value(at: 0, as: String.self)
            let level = try connection.queryOne("PRAGMA synchronous", [])?.value(at: 0, as: Int64.self)
            let levels = ["off", "normal", "full", "extra"]
            return DurabilitySettings(
                journalMode: journalMode ?? "unknown",
                synchronous: level.flatMap { levels.indices.contains(Int($0)) ? levels[Int($0)] : nil } ?? "unknown"
            )
        }
    }
}
