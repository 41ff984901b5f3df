internal import CSQLite

extension StorageError {
    /// Classifies an SQLite (extended) result code; the primary code is its low byte.
    init(sqliteCode extendedCode: Int32, message: String) {
        self.init(Self.classify(extendedCode), message, extendedResultCode: extendedCode)
    }

    /// The error SQLite recorded on `handle` after a call returned `resultCode`.
    init(sqliteCode resultCode: Int32, handle: OpaquePointer?) {
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? resultCode
        // sqlite3_extended_errcode may lag behind for a few APIs; keep the richer of the two.
        let code = extended & 0xFF == resultCode & 0xFF ? extended : resultCode
        let message =
            handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
        self.init(sqliteCode: code, message: message)
    }

    private static func classify(_ extendedCode: Int32) -> Code {
        switch extendedCode & 0xFF {
        case SQLITE_CONSTRAINT:
            switch extendedCode {
            case wm_SQLITE_CONSTRAINT_UNIQUE, wm_SQLITE_CONSTRAINT_PRIMARYKEY: .constraintViolation(.unique)
            case wm_SQLITE_CONSTRAINT_FOREIGNKEY: .constraintViolation(.foreignKey)
            case wm_SQLITE_CONSTRAINT_CHECK: .constraintViolation(.check)
            case wm_SQLITE_CONSTRAINT_NOTNULL: .constraintViolation(.notNull)
            default: .constraintViolation(.other)
            }
        case SQLITE_BUSY, SQLITE_LOCKED: .busy
        case SQLITE_CORRUPT, SQLITE_NOTADB: .corrupt
        case SQLITE_IOERR, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_PROTOCOL: .ioFailure
        case SQLITE_READONLY, SQLITE_PERM: .readOnly
        case SQLITE_ERROR: .invalidSQL
        case SQLITE_MISUSE, SQLITE_RANGE: .misuse
        case SQLITE_MISMATCH: .typeMismatch
        case SQLITE_TOOBIG: .invalidValue
        default: .other
        }
    }
}
