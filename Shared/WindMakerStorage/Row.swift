/// One result row: the values in column order, readable by index or by column name.
///
/// ```swift
/// for row in try database.query("SELECT id, legal_name FROM providers WHERE id > ?", [.integer(lastID)]) {
///     let id: Int64 = try row.value("id")
///     let name = try row.value("legal_name", as: String.self)
/// }
/// ```
public struct Row: Hashable, Sendable {
    /// The result's column names (the `AS` alias when there is one), shared by every row of one result.
    public let columnNames: [String]
    /// The values, in column order.
    public let values: [SQLValue]

    /// Creates a row; the column names and values must have the same count.
    public init(columnNames: [String], values: [SQLValue]) {
        precondition(columnNames.count == values.count, "a row needs one name per value")
        self.columnNames = columnNames
        self.values = values
    }

    /// The number of columns.
    public var count: Int { self.values.count }

    /// The value at a column index; an index out of range is a programmer error.
    public subscript(index: Int) -> SQLValue { self.values[index] }

    /// The value of the first column with this exact name, or `nil` when there is no such column.
    public subscript(name: String) -> SQLValue? {
        self.columnNames.firstIndex(of: name).map { self.values[$0] }
    }

    /// Reads a column by index as a Swift type.
    /// - Throws: ``StorageError/Code/misuse`` for an index out of range, ``StorageError/Code/typeMismatch`` when
    ///   the value is of another kind.
    public func value<T: SQLValueConvertible>(at index: Int, as type: T.Type = T.self) throws(StorageError) -> T {
        guard self.values.indices.contains(index) else {
            throw StorageError(.misuse, "no column at index \(index); the row has \(self.count)")
        }
        return try T(sqlValue: self.values[index])
    }

    /// Reads a column by name as a Swift type.
    /// - Throws: ``StorageError/Code/misuse`` when no column has this name, ``StorageError/Code/typeMismatch`` when
    ///   the value is of another kind.
    public func value<T: SQLValueConvertible>(_ name: String, as type: T.Type = T.self) throws(StorageError) -> T {
        guard let index = self.columnNames.firstIndex(of: name) else {
            throw StorageError(.misuse, "no column named \(name); columns are \(self.columnNames)")
        }
        do {
            return try T(sqlValue: self.values[index])
        } catch {
            throw StorageError(
                error.code,
                "column \(name): \(error.message)",
                extendedResultCode: error.extendedResultCode
            )
        }
    }
}
