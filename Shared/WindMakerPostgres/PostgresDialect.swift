import Foundation

/// Where the portable schemas and PostgreSQL still differ: SQLite's `INTEGER` is 64-bit and PostgreSQL's 32-bit, and
/// PostgreSQL calls a blob `bytea`. Only migrations' DDL is rewritten; queries are the same text on both engines.
enum PostgresDialect {
    static func ddl(_ statement: String) -> String {
        var text = statement
        for (word, replacement) in [("INTEGER", "BIGINT"), ("BLOB", "BYTEA")] {
            text = text.replacingOccurrences(
                of: "\\b\(word)\\b",
                with: replacement,
                options: .regularExpression
            )
        }
        return text
    }

    static func nowMicros() -> Int64 {
        Int64((Date().timeIntervalSince1970 * 1_000_000).rounded())
    }
}
