/// One value bound to a statement's `?` placeholder or read from a result column.
///
/// There is no floating-point case on purpose: money is integer minor units (fen), times are integer microseconds,
/// dates are `YYYY-MM-DD` text. Literals make argument lists short:
///
/// ```swift
/// try database.execute("INSERT INTO notes (id, body, deleted_at) VALUES (?, ?, ?)", [42, "造风者", nil])
/// ```
public enum SQLValue: Hashable, Sendable {
    /// SQL `NULL`.
    case null
    /// A 64-bit signed integer; `Int64.min` and `Int64.max` round-trip.
    case integer(Int64)
    /// UTF-8 text. Any Unicode round-trips; text with an embedded NUL is refused with
    /// ``StorageError/Code/invalidValue`` because PostgreSQL cannot store it and SQLite's SQL functions stop at it.
    case text(String)
    /// Bytes; the empty blob stays an empty blob, not `NULL`.
    case blob([UInt8])

    /// Whether this is SQL `NULL`.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }
}

extension SQLValue: ExpressibleByNilLiteral {
    public init(nilLiteral: ()) { self = .null }
}

extension SQLValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int64) { self = .integer(value) }
}

extension SQLValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
}

extension SQLValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .text(let value): "'\(value)'"
        case .blob(let bytes): "blob(\(bytes.count) bytes)"
        }
    }
}
