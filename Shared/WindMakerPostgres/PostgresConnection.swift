import CLibPQ
public import WindMakerStorage

/// One connection to PostgreSQL through libpq, running statements synchronously on the calling thread: the same
/// shape as the SQLite connections, for the same callers (the storage queue, the writer, a computation), never an
/// event loop. Not for concurrent use; a pool hands each thread its own.
///
/// Statements use `?` placeholders like the SQLite store's (``PlaceholderRewriter`` turns them into `$1…$n`), so one
/// SQL text serves both engines. Values travel as text, blobs as binary; results come back as ``Row``s of
/// ``SQLValue``: 16/32/64-bit integers (and whole `numeric`s, what `SUM` of a `bigint` gives) as `.integer`, `bytea`
/// as `.blob`, everything else as `.text`.
///
/// `@unchecked Sendable` because a connection moves between threads (a pool hands it to one thread at a time, and
/// takes it back before handing it to another) but is never used by two at once; libpq allows exactly that.
public final class PostgresConnection: @unchecked Sendable {
    /// Beyond this many distinct SQL strings the statement cache (and the prepared statements) are dropped, as the
    /// SQLite connection's statement cache is: an application's SQL is a far smaller fixed set, so this only bounds SQL built dynamically.
    static let maximumCachedStatements = 256

    let connection: OpaquePointer
    /// Each distinct statement, rewritten for PostgreSQL and, when it can be, prepared on this connection under the
    /// name given (parsed and planned once, as SQLite's statement cache does).
    private var statements: [String: (text: String, prepared: String?)] = [:]
    private var preparedCount = 0
    /// Prefixed to the names of locks taken on this connection, so services sharing one database never wait for
    /// each other's: the pool sets it to the schema.
    var lockNamespace = ""
    /// Cursors of scans running on this connection (a scan's body may scan again), naming the next one.
    var openCursors = 0

    /// Connects to `url` (`postgres://USER@HOST:PORT/DB`, or any libpq connection string), with `password` when the
    /// server asks for one. `applicationName` shows in `pg_stat_activity`, where an operator tells the services'
    /// connections apart.
    /// - Throws: ``StorageError`` with libpq's reason: `.unavailable` when the server cannot be reached (or is
    ///   starting, stopping or full), `.other` when it refuses (``isRefusal(_:)``).
    public init(url: String, password: String? = nil, applicationName: String = "windmaker") throws(StorageError) {
        // Before `dbname`, whose expanded URL overrides them where it sets them too.
        var keywords = ["connect_timeout", "application_name", "dbname"]
        var values = ["5", applicationName, url]
        if let password {
            keywords.append("password")
            values.append(password)
        }
        let connection = Self.withCStrings(keywords) { keys in
            Self.withCStrings(values) { values in PQconnectdbParams(keys, values, 1) }
        }
        guard let connection else { throw StorageError(.ioFailure, "cannot allocate a PostgreSQL connection") }
        guard PQstatus(connection) == CONNECTION_OK else {
            let reason = String(cString: PQerrorMessage(connection)).trimmingTrailingWhitespace()
            PQfinish(connection)
            throw StorageError(
                Self.isRefusal(reason) ? .other : .unavailable,
                "cannot connect to PostgreSQL: \(reason)"
            )
        }
        // Notices ("relation already exists, skipping") are the server talking to a person; ours go nowhere.
        PQsetNoticeProcessor(connection, { _, _ in }, nil)
        self.connection = connection
    }

    deinit { PQfinish(self.connection) }

    /// Whether a failed connection was refused by a server that is up and will refuse again (a wrong password, an
    /// unknown role or database, no `pg_hba.conf` entry): a mistake to fix, not an outage to wait out. A server
    /// starting, stopping or full is an outage.
    static func isRefusal(_ reason: String) -> Bool {
        guard reason.contains("FATAL:") else { return false }
        let transient = ["starting up", "shutting down", "too many clients", "in recovery", "not yet accepting"]
        return !transient.contains { reason.contains($0) }
    }

    /// Whether the connection was lost (the server went away, restarted or closed it): a pool drops it.
    public var isBroken: Bool { PQstatus(self.connection) != CONNECTION_OK }

    /// Whether the open transaction had a statement fail, so that it can only roll back.
    var hasFailedTransaction: Bool { PQtransactionStatus(self.connection) == PQTRANS_INERROR }

    /// Whether a transaction is open (`BEGIN` ran and no `COMMIT`/`ROLLBACK` yet), failed or not.
    var isInTransaction: Bool {
        let status = PQtransactionStatus(self.connection)
        return status == PQTRANS_INTRANS || status == PQTRANS_INERROR
    }

    /// Runs one statement and returns how many rows it inserted, updated or deleted.
    @discardableResult
    public func execute(_ sql: String, _ arguments: [SQLValue] = []) throws(StorageError) -> Int {
        let result = try self.run(sql, arguments)
        defer { PQclear(result) }
        return Int(String(cString: PQcmdTuples(result))) ?? 0
    }

    /// Runs one statement and returns every result row.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws(StorageError) -> [Row] {
        let result = try self.run(sql, arguments)
        defer { PQclear(result) }
        let columns = PQnfields(result)
        let names = (0 ..< columns).map { String(cString: PQfname(result, $0)) }
        return try (0 ..< PQntuples(result)).map { (row: Int32) throws(StorageError) -> Row in
            var values: [SQLValue] = []
            values.reserveCapacity(Int(columns))
            for column in 0 ..< columns {
                values.append(try Self.value(result, row, column))
            }
            return Row(columnNames: names, values: values)
        }
    }

    /// Runs statements without parameters, several separated by `;` (a migration's DDL), in the simple protocol.
    public func executeScript(_ sql: String) throws(StorageError) {
        guard let result = PQexec(self.connection, sql) else { throw self.lostError() }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK: return
        default: throw self.error(result)
        }
    }

    /// Runs one statement and returns its result, which the caller clears.
    func run(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> OpaquePointer {
        let statement = try self.statement(sql, parameters: arguments.count)
        // Every parameter's bytes in one buffer (text NUL-terminated), pointed into: one allocation per statement
        // rather than one per value, which a multi-row insert of thousands of values would feel.
        var storage: [CChar] = []
        var offsets: [Int?] = []
        var lengths: [Int32] = []
        var formats: [Int32] = []
        offsets.reserveCapacity(arguments.count)
        lengths.reserveCapacity(arguments.count)
        formats.reserveCapacity(arguments.count)
        for argument in arguments {
            switch argument {
            case .null:
                offsets.append(nil)
                lengths.append(0)
                formats.append(0)
            case .integer(let value):
                offsets.append(storage.count)
                storage.append(contentsOf: String(value).utf8.map { CChar(bitPattern: $0) })
                storage.append(0)
                lengths.append(0)
                formats.append(0)
            case .text(let value):
                guard !value.utf8.contains(0) else {
                    throw StorageError(.invalidValue, "text with a NUL character cannot be stored")
                }
                offsets.append(storage.count)
                storage.append(contentsOf: value.utf8.map { CChar(bitPattern: $0) })
                storage.append(0)
                lengths.append(0)
                formats.append(0)
            case .blob(let bytes):
                offsets.append(storage.count)
                storage.append(contentsOf: bytes.map { CChar(bitPattern: $0) })
                lengths.append(Int32(bytes.count))
                formats.append(1)
            }
        }
        storage.append(0)  // never empty, so the buffer has an address
        let result = storage.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            let pointers = offsets.map { offset in offset.map { UnsafePointer(base + $0) } }
            if let name = statement.prepared {
                return PQexecPrepared(self.connection, name, Int32(arguments.count), pointers, lengths, formats, 0)
            }
            return PQexecParams(
                self.connection,
                statement.text,
                Int32(arguments.count),
                nil,
                pointers,
                lengths,
                formats,
                0
            )
        }
        guard let result else { throw self.lostError() }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK:
            return result
        default:
            let error = self.error(result)
            PQclear(result)
            throw error
        }
    }

    /// `sql` rewritten, and prepared when it is a query or a change (PostgreSQL prepares no utility statement:
    /// `BEGIN`, `SET`, `DECLARE`, …). Past ``maximumCachedStatements`` distinct statements the cache and the
    /// connection's prepared statements are dropped and built again.
    private func statement(_ sql: String, parameters: Int) throws(StorageError) -> (text: String, prepared: String?) {
        if let cached = self.statements[sql] { return cached }
        if self.statements.count >= Self.maximumCachedStatements {
            if self.statements.values.contains(where: { $0.prepared != nil }) {
                try self.executeScript("DEALLOCATE ALL")
            }
            self.statements = [:]
        }
        let text = PlaceholderRewriter.rewrite(sql)
        let verb = sql.drop { $0.isWhitespace }.prefix(6).uppercased()
        var prepared: String?
        if ["SELECT", "INSERT", "UPDATE", "DELETE"].contains(verb) {
            self.preparedCount += 1
            let name = "wm_\(self.preparedCount)"
            guard let result = PQprepare(self.connection, name, text, Int32(parameters), nil) else {
                throw self.lostError()
            }
            defer { PQclear(result) }
            guard PQresultStatus(result) == PGRES_COMMAND_OK else { throw self.error(result) }
            prepared = name
        }
        self.statements[sql] = (text, prepared)
        return (text, prepared)
    }

    private func lostError() -> StorageError {
        let reason = String(cString: PQerrorMessage(self.connection)).trimmingTrailingWhitespace()
        return StorageError(.unavailable, "the connection to PostgreSQL was lost: \(reason)")
    }

    /// libpq's error for a failed statement, its SQLSTATE mapped onto the storage codes the stores already handle; a
    /// failure without one is the connection's.
    private func error(_ result: OpaquePointer) -> StorageError {
        let message = String(cString: PQresultErrorMessage(result)).trimmingTrailingWhitespace()
        guard let field = PQresultErrorField(result, Int32(UInt8(ascii: "C"))) else {
            return self.isBroken ? self.lostError() : StorageError(.other, "PostgreSQL: \(message)")
        }
        let state = String(cString: field)
        let code: StorageError.Code =
            switch state {
            case "23505": .constraintViolation(.unique)
            case "23503": .constraintViolation(.foreignKey)
            case "23514": .constraintViolation(.check)
            case "23502": .constraintViolation(.notNull)
            case _ where state.hasPrefix("23"): .constraintViolation(.other)
            case "40001", "40P01", "55P03": .busy
            case _ where state.hasPrefix("42"): .invalidSQL
            case _ where state.hasPrefix("22"): .invalidValue
            case _ where state.hasPrefix("08"), "57P01", "57P02", "57P03": .unavailable
            case _ where state.hasPrefix("53"), _ where state.hasPrefix("58"): .ioFailure
            default: .other
            }
        return StorageError(code, "PostgreSQL \(state): \(message)")
    }

    static func value(_ result: OpaquePointer, _ row: Int32, _ column: Int32) throws(StorageError) -> SQLValue {
        guard PQgetisnull(result, row, column) == 0 else { return .null }
        let text = String(cString: PQgetvalue(result, row, column))
        switch PQftype(result, column) {
        case 20, 21, 23:  // int8, int2, int4
            guard let value = Int64(text) else { throw StorageError(.typeMismatch, "not an integer: \(text)") }
            return .integer(value)
        case 1700:  // numeric: SUM of bigints is one; a whole one reads as the integer SQLite would give
            return Int64(text).map(SQLValue.integer) ?? .text(text)
        case 17:  // bytea, in the hex text form (\x…)
            return .blob(try Self.bytes(hex: text))
        default:
            return .text(text)
        }
    }

    private static func bytes(hex text: String) throws(StorageError) -> [UInt8] {
        let digits = Array(text.utf8.dropFirst(2))
        guard text.hasPrefix("\\x"), digits.count % 2 == 0 else {
            throw StorageError(.typeMismatch, "bytea not in hex form")
        }
        func nibble(_ digit: UInt8) throws(StorageError) -> UInt8 {
            switch digit {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"): digit - UInt8(ascii: "0")
            case UInt8(ascii: "a") ... UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
            default: throw StorageError(.typeMismatch, "bytea not in hex form")
            }
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            bytes.append(try nibble(digits[index]) << 4 | nibble(digits[index + 1]))
            index += 2
        }
        return bytes
    }

    /// Calls `body` with NUL-terminated copies of `strings` and a `nil` after them, as libpq's keyword lists end.
    private static func withCStrings<T>(_ strings: [String], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        var storage: [CChar] = []
        var offsets: [Int] = []
        for string in strings {
            offsets.append(storage.count)
            storage.append(contentsOf: string.utf8CString)
        }
        return storage.withUnsafeBufferPointer { buffer in
            body(offsets.map { UnsafePointer(buffer.baseAddress! + $0) } + [nil])
        }
    }
}

extension String {
    fileprivate func trimmingTrailingWhitespace() -> String {
        String(self.reversed().drop { $0.isWhitespace }.reversed())
    }
}
