import Foundation
import WindMakerStorage

/// Where the portable schemas and PostgreSQL still differ: SQLite's `INTEGER` is 64-bit and PostgreSQL's 32-bit,
/// PostgreSQL calls a blob `bytea`, and SQLite compares text byte by byte where PostgreSQL uses the database's locale
/// unless a column says `COLLATE "C"`. With byte order on both, `ORDER BY name` and the `name > ?` of a page token
/// agree on every engine and every operator's locale. Only migrations' DDL is rewritten; queries are the same text on
/// both engines.
enum PostgresDialect {
    static func ddl(_ statement: String) -> String {
        var text = statement
        for (word, replacement) in [("INTEGER", "BIGINT"), ("BLOB", "BYTEA"), ("TEXT", "TEXT COLLATE \"C\"")] {
            text = text.replacingOccurrences(
                of: "\\b\(word)\\b",
                with: replacement,
                options: .regularExpression
            )
        }
        return text
    }

    /// Refuses a schema name that could not be used unquoted in `SET search_path` and `CREATE SCHEMA`.
    static func checkSchemaName(_ schema: String) throws(StorageError) {
        guard !schema.isEmpty, schema.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }) else {
            throw StorageError(.misuse, "schema names are lower-case letters, digits and _, got \"\(schema)\"")
        }
    }

    static func nowMicros() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}
