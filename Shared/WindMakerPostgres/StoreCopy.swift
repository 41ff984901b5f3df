import Foundation
public import WindMakerStorage

/// Copies a service's SQLite store into an empty PostgreSQL schema (`wmctl admin migrate-store`): the same numbered
/// migrations create the tables, then every table is copied in its creation order (so rows come after the rows they
/// refer to), in key order, a few hundred rows per statement and one transaction per batch, from one consistent
/// snapshot of the source; finally each table's row count is compared.
///
/// The source's server must be stopped: the source's lock refuses a running one, and a store still being written
/// would be copied as of one moment, losing what came after.
public enum StoreCopy {
    /// One table copied.
    public struct Table: Hashable, Sendable {
        public let name: String
        public let rows: Int
    }

    /// Rows per `INSERT`, and per transaction.
    static let batchRows = 500

    /// Copies `source` into `target`.
    /// - Parameters:
    ///   - migrations: the service's migrations: the source is brought up to date with them first (as its server would
    ///     at start), the target created with them.
    /// - Returns: each table with its row count, checked equal on both sides.
    /// - Throws: ``StorageError``: `.misuse` when the source is not a store (no `schema_migrations`: an empty or
    ///   unrelated file is not "moved" as nothing) or the target schema already has tables (copy only into an empty one),
    ///   `.other` when counts differ, or what a statement threw (the target is then partly written: drop its schema
    ///   before trying again).
    public static func copy(
        from source: SQLiteDatabase,
        to target: PostgresDatabase,
        migrations: [Migration]
    ) throws -> [Table] {
        let recorded = try source.queryOne(
            "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
        )
        guard try recorded?.value(at: 0, as: Int64.self) == 1 else {
            throw StorageError(.misuse, "\(source.path) is not a service's store: it has no schema_migrations table")
        }
        try source.migrate(migrations)
        let existing = try target.queryOne(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?",
            [.text(target.schema)]
        )
        guard try existing?.value(at: 0, as: Int64.self) == 0 else {
            throw StorageError(
                .misuse,
                "schema \(target.schema) already has tables; migrate-store copies into an empty schema (to start"
                    + " again: DROP SCHEMA \(target.schema) CASCADE)"
            )
        }
        try target.migrate(migrations)
        let names = try source.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                + " AND name <> 'schema_migrations' ORDER BY rowid"
        ).map { try $0.value(at: 0, as: String.self) }
        return try source.snapshot { snapshot in
            try names.map { name in
                let rows = try Self.copyTable(name, from: snapshot, to: target)
                let copied = try target.queryOne("SELECT COUNT(*) FROM \(Self.quoted(name))")?
                    .value(at: 0, as: Int64.self)
                guard copied == Int64(rows) else {
                    throw StorageError(.other, "\(name): \(rows) rows read but \(copied ?? 0) in the copy")
                }
                return Table(name: name, rows: rows)
            }
        }
    }

    private static func copyTable(
        _ name: String,
        from source: Snapshot,
        to target: PostgresDatabase
    ) throws -> Int {
        let columns = try source.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", [.text(name)])
            .map { try $0.value(at: 0, as: String.self) }
        let list = columns.map(Self.quoted).joined(separator: ", ")
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        var after = Int64.min
        var copied = 0
        while true {
            let batch = try source.query(
                "SELECT rowid, \(list) FROM \(Self.quoted(name)) WHERE rowid > ? ORDER BY rowid LIMIT ?",
                [.integer(after), .integer(Int64(Self.batchRows))]
            )
            guard let last = batch.last else { return copied }
            after = try last.value(at: 0, as: Int64.self)
            try target.transaction { sql in
                try sql.execute(
                    "INSERT INTO \(Self.quoted(name)) (\(list)) VALUES "
                        + Array(repeating: row, count: batch.count).joined(separator: ", "),
                    batch.flatMap { $0.values.dropFirst() }
                )
            }
            copied += batch.count
        }
    }

    private static func quoted(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
