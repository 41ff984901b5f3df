/// Why a peer's bytes could not be read as frames; the connection cannot continue after any of these.
public enum FramingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A frame announced a payload larger than the configured maximum; nothing was allocated for it.
    case frameTooLarge(length: UInt32, maximum: Int, callID: UInt32)
    /// A frame type this protocol version does not define.
    case unknownFrameType(UInt8, callID: UInt32)
    /// A `windowUpdate` frame whose payload is not 4 bytes, or whose increment is 0 or above 2^31 − 1.
    case invalidWindowUpdate(String, callID: UInt32)

    public var description: String {
        switch self {
        case let .frameTooLarge(length, maximum, callID):
            "frame of \(length) bytes on call \(callID) exceeds the maximum of \(maximum) bytes"
        case let .unknownFrameType(type, callID):
            "unknown frame type 0x\(String(type, radix: 16)) on call \(callID)"
        case let .invalidWindowUpdate(problem, callID):
            "a window update on call \(callID) \(problem)"
        }
    }
}
