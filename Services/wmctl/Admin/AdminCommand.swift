import ArgumentParser
import WindMakerStorage

/// `wmctl admin …`: work on a service's store on the machine it runs on.
struct AdminCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "admin",
        abstract: "Back up and restore a service's SQLite store, or move it to PostgreSQL.",
        subcommands: [AdminBackupCommand.self, AdminRestoreCommand.self, AdminMigrateStoreCommand.self]
    )
}

/// `wmctl admin backup .dev/data/incentive.sqlite --to backups/incentive-2021-10-01.sqlite`: a consistent copy of a
/// live store through SQLite's online backup API, while its server keeps serving.
struct AdminBackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy a store, live, into a new file (SQLite's online backup API; the server keeps serving)."
    )

    @Argument(help: "The store, e.g. .dev/data/incentive.sqlite.") var database: String
    @Option(name: .customLong("to"), help: "The new file to write.") var destination: String

    func run() throws {
        let summary = try Self.reporting { () throws(StorageError) in
            try DatabaseBackup.backUp(self.database, to: self.destination)
        }
        print(
            "backed up \(self.database) to \(self.destination): \(summary.pages) pages of \(summary.pageSize) bytes, "
                + "schema version \(summary.schemaVersion), checked"
        )
    }

    /// Runs `body`, turning a storage failure into a one-line error (exit status 1).
    static func reporting<T>(_ body: () throws(StorageError) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw InputFileError(error.message)
        }
    }
}

/// `wmctl admin restore backups/incentive-2021-10-01.sqlite --to .dev/data/incentive.sqlite`: replaces a store with
/// a backup; its server must be stopped (the store's lock says whether it is).
struct AdminRestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace a store with a backup (stop its server first; a running one is detected and refused)."
    )

    @Argument(help: "The backup file.") var backup: String
    @Option(name: .customLong("to"), help: "The store to replace, e.g. .dev/data/incentive.sqlite.") var database:
        String

    func run() throws {
        let summary = try AdminBackupCommand.reporting { () throws(StorageError) in
            try DatabaseBackup.restore(self.backup, to: self.database)
        }
        print(
            "restored \(self.database) from \(self.backup): \(summary.pages) pages, schema version "
                + "\(summary.schemaVersion), checked; start its server to apply any newer migrations"
        )
    }
}
