internal import CSQLite

/// The current row of ``Database/scan(_:_:_:)``, read column by column without building a ``Row``: for reads of
/// millions of rows, where per-row arrays and names would cost more than the query.
///
/// Valid only inside the scan's body (it reads the engine's current row, which the next step replaces): the values it
/// hands out are copies, or, for ``withText(_:_:)``, a buffer valid for that call only. Not `Sendable`, so it cannot
/// leave the scanning thread.
public struct ScanRow {
    private enum Source {
        /// A SQLite statement stepped onto the row: read in place, the hot path of a period's computation.
        case sqlite(OpaquePointer)
        case engine(any ScanRowSource)
    }

    private let source: Source

    init(handle: OpaquePointer) {
        self.source = .sqlite(handle)
    }

    /// A row of another engine's result.
    package init(_ source: any ScanRowSource) {
        self.source = .engine(source)
    }

    /// The column as an integer (0 for NULL).
    public func integer(_ column: Int) -> Int64 {
        switch self.source {
        case .sqlite(let handle): sqlite3_column_int64(handle, Int32(column))
        case .engine(let source): source.integer(column)
        }
    }

    /// Calls `body` with the column's UTF-8 bytes (empty for NULL), valid only during the call.
    public func withText<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        switch self.source {
        case .sqlite(let handle):
            // column_text before column_bytes, as SQLite documents, so the length is of the UTF-8 form.
            let text = sqlite3_column_text(handle, Int32(column))
            let length = Int(sqlite3_column_bytes(handle, Int32(column)))
            return try body(UnsafeBufferPointer(start: text, count: text == nil ? 0 : length))
        case .engine(let source):
            return try source.withText(column, body)
        }
    }
}

/// One row of another engine's result, read in place by a ``ScanRow``.
package protocol ScanRowSource {
    /// The column as an integer (0 for NULL).
    func integer(_ column: Int) -> Int64
    /// Calls `body` with the column's UTF-8 bytes (empty for NULL), valid only during the call.
    func withText<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T
}
