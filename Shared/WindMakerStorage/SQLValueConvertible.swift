/// A Swift type stored as one ``SQLValue``, so rows can be read with ``Row/value(_:as:)`` and arguments written
/// with ``sqlValue``.
///
/// Conform domain types (an id, an amount in fen) in their own module:
///
/// ```swift
/// extension ProviderID: SQLValueConvertible {
///     public var sqlValue: SQLValue { .integer(self.rawValue) }
///     public init(sqlValue: SQLValue) throws(StorageError) { self.init(rawValue: try Int64(sqlValue: sqlValue)) }
/// }
/// ```
public protocol SQLValueConvertible {
    /// The value to bind.
    var sqlValue: SQLValue { get }
    /// Reads the value from a column.
    /// - Throws: ``StorageError/Code/typeMismatch`` when the column holds another kind of value (including `NULL`
    ///   for a non-optional type).
    init(sqlValue: SQLValue) throws(StorageError)
}

extension SQLValue: SQLValueConvertible {
    public var sqlValue: SQLValue { self }
    public init(sqlValue: SQLValue) throws(StorageError) { self = sqlValue }
}

extension Int64: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(self) }
    public init(sqlValue: SQLValue) throws(StorageError) {
        guard case .integer(let value) = sqlValue else { throw .mismatch(sqlValue, expected: "INTEGER") }
        self = value
    }
}

extension Int: SQLValueConvertible {
    public var sqlValue: SQLValue { .integer(Int64(self)) }
    public init(sqlValue: SQLValue) throws(StorageError) {
        guard case .integer(let value) = sqlValue, let int = Int(exactly: value) else {
            throw .mismatch(sqlValue, expected: "INTEGER within Int")
        }
        self = int
    }
}

extension Bool: SQLValueConvertible {
    /// Stored as `INTEGER` 0 or 1, which every SQL database accepts.
    public var sqlValue: SQLValue { .integer(self ? 1 : 0) }
    public init(sqlValue: SQLValue) throws(StorageError) {
        switch sqlValue {
        case .integer(0): self = false
        case .integer(1): self = true
        default: throw .mismatch(sqlValue, expected: "INTEGER 0 or 1")
        }
    }
}

extension String: SQLValueConvertible {
    public var sqlValue: SQLValue { .text(self) }
    public init(sqlValue: SQLValue) throws(StorageError) {
        guard case .text(let value) = sqlValue else { throw .mismatch(sqlValue, expected: "TEXT") }
        self = value
    }
}

extension Array: SQLValueConvertible where Element == UInt8 {
    public var sqlValue: SQLValue { .blob(self) }
    public init(sqlValue: SQLValue) throws(StorageError) {
        guard case .blob(let value) = sqlValue else { throw .mismatch(sqlValue, expected: "BLOB") }
        self = value
    }
}

extension Optional: SQLValueConvertible where Wrapped: SQLValueConvertible {
    /// `nil` is stored as `NULL`.
    public var sqlValue: SQLValue { self?.sqlValue ?? .null }
    public init(sqlValue: SQLValue) throws(StorageError) {
        self = sqlValue.isNull ? nil : try Wrapped(sqlValue: sqlValue)
    }
}

extension StorageError {
    fileprivate static func mismatch(_ value: SQLValue, expected: String) -> StorageError {
        let found: String
        switch value {
        case .null: found = "NULL"
        case .integer: found = "INTEGER"
        case .text: found = "TEXT"
        case .blob: found = "BLOB"
        }
        return StorageError(.typeMismatch, "expected \(expected), found \(found)")
    }
}
