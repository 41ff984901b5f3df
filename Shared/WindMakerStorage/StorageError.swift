/// The one error type of the storage layer: what kind of failure, SQLite's extended result code and its message.
///
/// SQL errors never crash; they arrive here. Callers map codes onto their own errors in one place, e.g. a unique
/// violation onto `ALREADY_EXISTS`:
///
/// ```swift
/// do {
///     try database.execute("INSERT INTO providers (id, credit_code) VALUES (?, ?)", [1, "91310000MA1FL8XQ3Y"])
/// } catch let error where error.code == .constraintViolation(.unique) {
///     throw RPCError(.alreadyExists, "a provider with this credit code exists")
/// }
/// ```
public struct StorageError: Error, Hashable, Sendable {
    /// What kind of failure this is.
    public var code: Code
    /// SQLite's message (or ours, when the error is detected before SQLite sees the call). For logs, not for the
    /// wire: it may name tables and columns.
    public var message: String
    /// SQLite's extended result code (e.g. 2067 for `SQLITE_CONSTRAINT_UNIQUE`), or 0 when the error is ours.
    public var extendedResultCode: Int32

    /// Creates an error; the storage layer makes these, tests and store fakes may too.
    public init(_ code: Code, _ message: String, extendedResultCode: Int32 = 0) {
        self.code = code
        self.message = message
        self.extendedResultCode = extendedResultCode
    }
}

extension StorageError: CustomStringConvertible {
    public var description: String {
        self.extendedResultCode == 0
            ? "\(self.code): \(self.message)"
            : "\(self.code) (SQLite \(self.extendedResultCode)): \(self.message)"
    }
}

extension StorageError {
    /// The kinds of storage failure callers tell apart.
    public enum Code: Hashable, Sendable, CustomStringConvertible {
        /// A constraint refused the change; which kind is given, the constraint's columns are in the message.
        case constraintViolation(Constraint)
        /// The database cannot take the work now: another connection (another process) held the lock longer than
        /// the busy timeout, or ``WriteQueueLimits/maximumQueuedWrites`` writes are already waiting. Nothing was
        /// done; safe to retry after a pause (an RPC server answers `UNAVAILABLE`).
        case busy
        /// Another open database, in this process or another, holds the file's lock: one server owns a database
        /// at a time. Not retryable by waiting briefly; the other holder must stop first.
        case inUse
        /// The database server cannot be reached, or the connection to it was lost during the operation. Nothing of
        /// the operation was kept (an unfinished transaction is rolled back by the server); safe to retry once it is
        /// back (an RPC server answers `UNAVAILABLE`).
        case unavailable
        /// Another holder has the named lock ``Database/exclusively(_:_:)`` asked for: the work is already running
        /// elsewhere.
        case locked
        /// The file is not a database or is damaged.
        case corrupt
        /// The operating system failed to read, write, sync or open the file, or the disk is full.
        case ioFailure
        /// The database or its directory is read-only.
        case readOnly
        /// SQL SQLite could not compile or run: a syntax error, an unknown table or column.
        case invalidSQL
        /// The storage API was used wrongly: the database is closed, the argument count does not match the
        /// placeholders, several statements were passed to `execute`, a column name does not exist.
        case misuse
        /// A value the store refuses to hold: TEXT with an embedded NUL, or stored text that is not UTF-8.
        case invalidValue
        /// A column holds another type than the one asked for (or a REAL, which this layer does not read).
        case typeMismatch
        /// The database's schema does not match the migrations the code knows: it is newer, has a gap, or a
        /// version is recorded under another name.
        case incompatibleSchema
        /// Any other SQLite failure; see the extended result code.
        case other

        public var description: String {
            switch self {
            case .constraintViolation(let constraint): "constraint violation (\(constraint))"
            case .busy: "busy"
            case .inUse: "in use"
            case .unavailable: "unavailable"
            case .locked: "locked"
            case .corrupt: "corrupt"
            case .ioFailure: "I/O failure"
            case .readOnly: "read-only"
            case .invalidSQL: "invalid SQL"
            case .misuse: "misuse"
            case .invalidValue: "invalid value"
            case .typeMismatch: "type mismatch"
            case .incompatibleSchema: "incompatible schema"
            case .other: "other"
            }
        }
    }

    /// Which kind of constraint refused a change.
    public enum Constraint: Hashable, Sendable, CustomStringConvertible {
        /// A `UNIQUE` constraint or a `PRIMARY KEY` (a primary key is a unique key): the row already exists.
        case unique
        /// A `FOREIGN KEY` constraint: the referenced row is missing, or rows still refer to this one.
        case foreignKey
        /// A `CHECK` constraint.
        case check
        /// A `NOT NULL` constraint.
        case notNull
        /// Any other constraint (e.g. a trigger's `RAISE`).
        case other

        public var description: String {
            switch self {
            case .unique: "unique"
            case .foreignKey: "foreign key"
            case .check: "check"
            case .notNull: "not null"
            case .other: "other"
            }
        }
    }
}
