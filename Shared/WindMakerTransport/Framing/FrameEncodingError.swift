public import WindMakerMessages

/// Why a message could not be put in a frame.
public enum FrameEncodingError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The message has a value the wire cannot carry.
    case invalidMessage(ProtoEncodingError)
    /// The encoded message is larger than the peer accepts; nothing was sent.
    case tooLarge(length: Int, maximum: Int)

    public var description: String {
        switch self {
        case .invalidMessage(let error): "\(error)"
        case let .tooLarge(length, maximum): "\(length) bytes exceed the frame limit of \(maximum) bytes"
        }
    }
}
