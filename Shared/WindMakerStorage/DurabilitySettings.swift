/// What the connection that commits writes is set to do on `COMMIT`, read back from the live connection rather than
/// from the code that configured it, so a server can report (and a test can check) what it really does.
public struct DurabilitySettings: Hashable, Sendable {
    /// SQLite's `journal_mode` (`wal` for a file database).
    public var journalMode: String
    /// SQLite's `synchronous` level: `off`, `normal`, `full` or `extra`.
    public var synchronous: String

    /// Creates settings; ``Database/durabilitySettings()`` reads the real ones.
    public init(journalMode: String, synchronous: String) {
        self.journalMode = journalMode
        self.synchronous = synchronous
    }

    /// Whether every `COMMIT` waits for the disk (`fsync`) before it returns, so a reply sent after it survives a
    /// crash of the process or of the machine. In WAL mode `normal` syncs only at checkpoints: a commit that returned
    /// survives the process being killed but not a power loss.
    public var syncsEveryCommit: Bool {
        self.synchronous == "full" || self.synchronous == "extra"
    }
}
