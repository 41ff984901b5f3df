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

    /// Calls `body` with the column's UTF-8 bytes (empty for NULL), valid only during the call.
    public func withText<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        // column_text before column_bytes, as SQLite documents, so the length is of the UTF-8 form.
        let text = sqlite3_column_text(self.handle, Int32(column))
        let length = Int(sqlite3_column_bytes(self.handle, Int32(column)))
        return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : length))
    }
}
