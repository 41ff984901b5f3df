/// The one error type that crosses the wire: a canonical status code, a message for humans, optional structured
/// details and trailing metadata.
///
/// Handlers throw it (or an error conforming to ``RPCErrorConvertible``); clients catch it.
///
/// ```swift
/// throw RPCError(.notFound, "provider 42 does not exist")
/// ```
public struct RPCError: Error, Hashable, Sendable {
    /// The status code.
    public var code: Code
    /// A message that says what went wrong, safe to show to the caller.
    public var message: String
    /// Structured details, each a packed protobuf message named by its type URL.
    public var details: [RPCErrorDetail]
    /// Trailing metadata sent with the status.
    public var metadata: Metadata

    public init(_ code: Code, _ message: String, details: [RPCErrorDetail] = [], metadata: Metadata = [:]) {
        self.code = code
        self.message = message
        self.details = details
        self.metadata = metadata
    }
}

extension RPCError: CustomStringConvertible {
    public var description: String { "\(self.code): \(self.message)" }
}

extension RPCError {
    /// The 17 canonical gRPC status codes, with their wire values.
    public enum Code: Int32, Hashable, Sendable, CaseIterable, CustomStringConvertible {
        case ok = 0
        case cancelled = 1
        case unknown = 2
        case invalidArgument = 3
        case deadlineExceeded = 4
        case notFound = 5
        case alreadyExists = 6
        case permissionDenied = 7
        case resourceExhausted = 8
        case failedPrecondition = 9
        case aborted = 10
        case outOfRange = 11
        case unimplemented = 12
        case `internal` = 13
        case unavailable = 14
        case dataLoss = 15
        case unauthenticated = 16

        /// The canonical upper-case name, e.g. `DEADLINE_EXCEEDED`.
        public var description: String {
            switch self {
            case .ok: "OK"
            case .cancelled: "CANCELLED"
            case .unknown: "UNKNOWN"
            case .invalidArgument: "INVALID_ARGUMENT"
            case .deadlineExceeded: "DEADLINE_EXCEEDED"
            case .notFound: "NOT_FOUND"
            case .alreadyExists: "ALREADY_EXISTS"
            case .permissionDenied: "PERMISSION_DENIED"
            case .resourceExhausted: "RESOURCE_EXHAUSTED"
            case .failedPrecondition: "FAILED_PRECONDITION"
            case .aborted: "ABORTED"
            case .outOfRange: "OUT_OF_RANGE"
            case .unimplemented: "UNIMPLEMENTED"
            case .internal: "INTERNAL"
            case .unavailable: "UNAVAILABLE"
            case .dataLoss: "DATA_LOSS"
            case .unauthenticated: "UNAUTHENTICATED"
            }
        }

        /// Decodes a wire value; values outside 0...16 become ``unknown`` as gRPC prescribes.
        public init(wireValue: Int32) {
            self = Code(rawValue: wireValue) ?? .unknown
        }
    }
}

/// One structured error detail: a packed protobuf message and the name of its type.
public struct RPCErrorDetail: Hashable, Sendable {
    /// `type.windmaker/<proto name>`, e.g. `type.windmaker/windmaker.rpc.v1.BadRequest`.
    public var typeURL: String
    /// The packed message.
    public var value: [UInt8]

    public init(typeURL: String, value: [UInt8]) {
        self.typeURL = typeURL
        self.value = value
    }
}
