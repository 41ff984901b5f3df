/// The kind of a frame: the fifth byte of its header (see docs/PROTOCOL.md).
public enum FrameType: UInt8, Sendable, CaseIterable {
    /// Client → server: opens a call; payload `windmaker.rpc.v1.RequestHeaders`.
    case headers = 0x01
    /// Either way: one protobuf message of the call.
    case message = 0x02
    /// Client → server: the client sends no more messages; empty payload.
    case halfClose = 0x03
    /// Server → client: ends the call; payload `windmaker.rpc.v1.Status`.
    case trailers = 0x04
    /// Client → server: abandons the call; empty payload.
    case cancel = 0x05
    /// Either way, call id 0: liveness probe; 8 opaque bytes echoed back with the ACK flag.
    case ping = 0x06
    /// Server → client, call id 0: no calls above `last_call_id` will be served; payload `windmaker.rpc.v1.GoAway`.
    case goAway = 0x07
    /// Either way, on a call: grants the peer more bytes to send on that call; payload a 4-byte big-endian
    /// increment, 1 to 2^31 − 1 (see ``FlowControl``).
    case windowUpdate = 0x08
}

/// The flag bits of a frame: the sixth byte of its header.
public struct FrameFlags: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8

    public init(rawValue: UInt8) {
        self.rawValue = rawValue
    }

    /// On `headers` and `message`: the sender sends no more messages on this call.
    public static let endStream = FrameFlags(rawValue: 0x01)
    /// On `ping`: this is the answer.
    public static let ack = FrameFlags(rawValue: 0x01)
}
