/// A message type generated from `Protos/`, encoded and decoded by protobuf-c.
///
/// Generated types are plain Swift values; the C structs exist only for the duration of one encode or decode.
///
/// ```swift
/// let money = CommonV1.Money(fen: 1_00, currency: "CNY")
/// let bytes = try money.serializedBytes()
/// let back = try CommonV1.Money(serializedBytes: bytes)
/// ```
public protocol ProtoMessage: Sendable, Hashable {
    /// The fully qualified proto name, e.g. `windmaker.common.v1.Money`.
    static var protoName: String { get }

    /// A message with every field at its proto3 default.
    init()

    /// Decodes protobuf wire bytes.
    /// - Throws: `ProtoDecodingError` when the bytes are not a valid encoding of this message.
    init(serializedBytes bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError)

    /// Encodes the message and hands the packed bytes to `sink`.
    /// - Throws: `ProtoEncodingError` when a value cannot be represented on the wire (a string with NUL).
    func serialize<Sink: ProtoByteSink>(into sink: inout Sink) throws(ProtoEncodingError)
}

/// Somewhere packed message bytes can be written without an intermediate copy.
public protocol ProtoByteSink {
    /// Reserves `count` bytes, lets `fill` write exactly that many, and commits them.
    mutating func append(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void)
}

extension Array: ProtoByteSink where Element == UInt8 {
    public mutating func append(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) {
        let start = self.count
        self.append(contentsOf: repeatElement(0, count: count))
        self.withUnsafeMutableBytes { all in
            fill(UnsafeMutableRawBufferPointer(rebasing: all[start ..< start + count]))
        }
    }
}

extension ProtoMessage {
    /// Decodes protobuf wire bytes from an array.
    public init(serializedBytes bytes: [UInt8]) throws(ProtoDecodingError) {
        // `withUnsafeBytes` rethrows untyped errors, so carry the typed one out in a `Result`.
        let result = bytes.withUnsafeBytes { raw in
            Result { () throws(ProtoDecodingError) -> Self in try Self(serializedBytes: raw) }
        }
        self = try result.get()
    }

    /// Encodes the message into a new array.
    public func serializedBytes() throws(ProtoEncodingError) -> [UInt8] {
        var bytes: [UInt8] = []
        try self.serialize(into: &bytes)
        return bytes
    }
}

/// Bytes that are not a valid encoding of the expected message.
public struct ProtoDecodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The proto name of the message that failed to decode.
    public var messageName: String
    /// What was wrong, for logs and error messages (never contains the payload).
    public var reason: String

    public init(messageName: String, reason: String) {
        self.messageName = messageName
        self.reason = reason
    }

    public var description: String { "invalid \(self.messageName): \(self.reason)" }
}

/// A value that cannot be put on the wire.
public struct ProtoEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The proto name of the message that failed to encode.
    public var messageName: String
    /// What was wrong, naming the field.
    public var reason: String

    public init(messageName: String, reason: String) {
        self.messageName = messageName
        self.reason = reason
    }

    public var description: String { "cannot encode \(self.messageName): \(self.reason)" }
}
