internal import CSQLite

/// One prepared statement, owned by its ``Connection`` and used only under the connection's lock.
///
/// Every run binds all arguments, steps, and resets and clears its bindings afterwards (also on failure), so the
/// cached statement is ready for the next caller and holds no reference to the last arguments.
final class Statement {
    private var handle: OpaquePointer?
    private let connection: OpaquePointer
    let sql: String
    /// The result's column names, read once: every row of every run shares them. Kept with the statement's
    /// re-prepare count, since SQLite re-prepares it after a schema change, which may change the columns.
    private var columnNames: (names: [String], prepareCount: Int32)?

    init(handle: OpaquePointer, connection: OpaquePointer, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { self.finalize() }

    func finalize() {
        if let handle = self.handle {
            sqlite3_finalize(handle)
            self.handle = nil
        }
    }

    /// Binds the arguments, steps through the result and collects at most `maxRows` rows (all when `nil`).
    func run(_ arguments: [SQLValue], maxRows: Int?) throws(StorageError) -> [Row] {
        guard let handle = self.handle else { throw StorageError(.misuse, "statement used after finalize") }
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try self.bind(arguments, to: handle)

        var rows: [Row] = []
        while maxRows.map({ rows.count < $0 }) ?? true {
            let result = sqlite3_step(handle)
            switch result {
            case SQLITE_ROW:
                let names = self.currentColumnNames(handle)
                rows.append(Row(columnNames: names, values: try Self.values(of: handle, count: names.count)))
            case SQLITE_DONE:
                return rows
            default:
                throw StorageError(sqliteCode: result, handle: self.connection)
            }
        }
        return rows
    }

    /// Binds the arguments and calls `body` with each result row in turn, without collecting them.
    func scan(_ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws {
        guard let handle = self.handle else { throw StorageError(.misuse, "statement used after finalize") }
        defer {
            sqlite3_reset(handle)
            sqlite3_clear_bindings(handle)
        }
        try self.bind(arguments, to: handle)
        while true {
            let result = sqlite3_step(handle)
            switch result {
            case SQLITE_ROW: try body(ScanRow(handle: handle))
            case SQLITE_DONE: return
            default: throw StorageError(sqliteCode: result, handle: self.connection)
            }
        }
    }

    private func bind(_ arguments: [SQLValue], to handle: OpaquePointer) throws(StorageError) {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw StorageError(.misuse, "\(arguments.count) arguments for \(expected) placeholders in: \(self.sql)")
        }
        for (offset, argument) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let result: Int32
            switch argument {
            case .null:
                result = sqlite3_bind_null(handle, index)
            case .integer(let value):
                result = sqlite3_bind_int64(handle, index, value)
            case .text(let value):
                result = try Self.bindText(value, to: handle, at: index)
            case .blob(let bytes):
                // A nil pointer would bind NULL, so the empty blob is bound as a zero-length blob.
                result =
                    bytes.isEmpty
                    ? sqlite3_bind_zeroblob(handle, index, 0)
                    : bytes.withUnsafeBytes {
                        sqlite3_bind_blob64(handle, index, $0.baseAddress, UInt64($0.count), wm_sqlite3_transient())
                    }
            }
            guard result == SQLITE_OK else { throw StorageError(sqliteCode: result, handle: self.connection) }
        }
    }

    private static func bindText(
        _ value: String,
        to handle: OpaquePointer,
        at index: Int32
    ) throws(StorageError) -> Int32 {
        guard !value.utf8.contains(0) else {
            throw StorageError(.invalidValue, "text with an embedded NUL cannot be stored")
        }
        var value = value
        return value.withUTF8 { utf8 in
            // An empty buffer may have no base address, and a nil pointer would bind NULL instead of ''.
            guard let base = utf8.baseAddress, !utf8.isEmpty else {
                return sqlite3_bind_text(handle, index, "", 0, wm_sqlite3_transient())
            }
            return sqlite3_bind_text64(
                handle,
                index,
                UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                UInt64(utf8.count),
                wm_sqlite3_transient(),
                UInt8(SQLITE_UTF8)
            )
        }
    }

    private func currentColumnNames(_ handle: OpaquePointer) -> [String] {
        let prepareCount = sqlite3_stmt_status(handle, SQLITE_STMTSTATUS_REPREPARE, 0)
        if let cached = self.columnNames, cached.prepareCount == prepareCount { return cached.names }
        let names = Self.columnNames(of: handle)
        self.columnNames = (names, prepareCount)
        return names
    }

    private static func columnNames(of handle: OpaquePointer) -> [String] {
        (0 ..< sqlite3_column_count(handle)).map { column in
            sqlite3_column_name(handle, column).map { String(cString: $0) } ?? ""
        }
    }

    private static func values(of handle: OpaquePointer, count: Int) throws(StorageError) -> [SQLValue] {
        var values: [SQLValue] = []
        values.reserveCapacity(count)
        for column in 0 ..< Int32(count) {
            switch sqlite3_column_type(handle, column) {
            case SQLITE_NULL:
                values.append(.null)
            case SQLITE_INTEGER:
                values.append(.integer(sqlite3_column_int64(handle, column)))
            case SQLITE_TEXT:
                // column_text before column_bytes, as SQLite documents, so the length is of the UTF-8 form.
                let text = sqlite3_column_text(handle, column)
                let length = Int(sqlite3_column_bytes(handle, column))
                let bytes = UnsafeBufferPointer(start: text, count: text == nil ? 0 : length)
                guard let string = String(validating: bytes, as: UTF8.self) else {
                    throw StorageError(.invalidValue, "column \(column) holds text that is not UTF-8")
                }
                values.append(.text(string))
            case SQLITE_BLOB:
                let blob = sqlite3_column_blob(handle, column)
                let length = Int(sqlite3_column_bytes(handle, column))
                values.append(.blob(blob.map { Array(UnsafeRawBufferPointer(start: $0, count: length)) } ?? []))
            default:
                throw StorageError(.typeMismatch, "column \(column) holds a REAL; store integers (fen, micros)")
            }
        }
        return values
    }
}
