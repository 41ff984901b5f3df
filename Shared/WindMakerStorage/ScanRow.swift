internal import CSQLite

/// The current row of ``Database/scan(_:_:_:)``, read column by column without building a ``Row``: for reads of
/// millions of rows, where per-row arrays and names would cost more than the query.
///
/// Valid only inside the scan's body (it reads the statement's current row, which the next step replaces): the
/// values it hands out are copies, or, for ``withText(_:_:)``, a buffer valid for that call only. Not `Sendable`, so
/// it cannot leave the scanning thread.
public struct ScanRow {
    private let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    /// The column as an integer (0 for NULL, SQLite's conversion for other types).
    public func integer(_ column: Int) -> Int64 {
        sqlite3_column_int64(self.handle, Int32(column))
    }

    /// Whether the column is NULL.
    public func isNull(_ column: Int) -> Bool {
        sqlite3_column_type(self.handle, Int32(column)) == SQLITE_NULL
    }

    /// Calls `body` with the column's UTF-8 bytes (empty for NULL), valid only during the call.
    public func withText<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        // column_text before column_bytes, as SQLite documents, so the length is of the UTF-8 form.
        let text = sqlite3_column_text(self.handle, Int32(column))
        let length = Int(sqlite3_column_bytes(self.handle, Int32(column)))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : length))
    }

    /// The column as a string.
    /// - Throws: ``StorageError/Code/invalidValue`` when the bytes are not UTF-8.
    public func text(_ column: Int) throws(StorageError) -> String {
        let string = self.withText(column) { String(validating: $0, as: UTF8.self) }
        guard let string else { throw StorageError(.invalidValue, "column \(column) holds text that is not UTF-8") }
        return string
    }
}
