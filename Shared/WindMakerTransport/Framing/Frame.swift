public import NIOCore

/// One unit on the wire: a 10-byte header and a payload.
public struct Frame: Sendable, Hashable {
    /// Bytes in the header: length (4), type (1), flags (1), call id (4).
    public static let headerSize = 10
    /// The largest payload accepted unless configured otherwise: 4 MiB.
    public static let defaultMaximumPayloadSize = 4 * 1024 * 1024

    /// What the frame carries.
    public var type: FrameType
    /// Flag bits, meaning per type.
    public var flags: FrameFlags
    /// The call the frame belongs to; 0 for connection frames (`ping`, `goAway`).
    public var callID: UInt32
    /// The bytes after the header (a protobuf message, or empty).
    public var payload: ByteBuffer

    public init(type: FrameType, flags: FrameFlags = [], callID: UInt32, payload: ByteBuffer) {
        self.type = type
        self.flags = flags
        self.callID = callID
        self.payload = payload
    }
}

extension Frame {
    /// The increment a `windowUpdate` frame grants: its 4-byte big-endian payload (0 if the payload is shorter).
    public var windowIncrement: UInt32 {
        self.payload.getInteger(at: self.payload.readerIndex, as: UInt32.self) ?? 0
    }
}
