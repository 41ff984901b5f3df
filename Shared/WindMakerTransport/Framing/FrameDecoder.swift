public import NIOCore

/// Splits the byte stream into frames, rejecting an oversize length before buffering any of its payload, and a
/// `windowUpdate` that is not a valid increment (the one frame whose payload the framing layer checks, so that both
/// sides refuse the same frames).
public struct FrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = Frame

    private enum State {
        case header
        case payload(type: FrameType, flags: FrameFlags, callID: UInt32, length: Int)
    }

    private let maximumPayloadSize: Int
    private var state = State.header

    public init(maximumPayloadSize: Int = Frame.defaultMaximumPayloadSize) {
        self.maximumPayloadSize = maximumPayloadSize
    }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let frame = try self.next(from: &buffer) else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    public mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        try self.decode(context: context, buffer: &buffer)
    }

    /// The next whole frame in `buffer`, consuming it, or nil when more bytes are needed.
    /// - Throws: ``FramingError`` when the header is invalid or announces too large a payload.
    public mutating func next(from buffer: inout ByteBuffer) throws -> Frame? {
        if case .header = self.state {
            guard buffer.readableBytes >= Frame.headerSize,
                let (length, rawType, rawFlags, callID) = buffer.readMultipleIntegers(
                    as: (UInt32, UInt8, UInt8, UInt32).self
                )
            else { return nil }
            guard Int(length) <= self.maximumPayloadSize else {
                throw FramingError.frameTooLarge(length: length, maximum: self.maximumPayloadSize, callID: callID)
            }
            guard let type = FrameType(rawValue: rawType) else {
                throw FramingError.unknownFrameType(rawType, callID: callID)
            }
            guard type != .windowUpdate || length == 4 else {
                throw FramingError.invalidWindowUpdate("carries 4 bytes, not \(length)", callID: callID)
            }
            self.state = .payload(
                type: type,
                flags: FrameFlags(rawValue: rawFlags),
                callID: callID,
                length: Int(length)
            )
        }
        guard case let .payload(type, flags, callID, length) = self.state,
            let payload = buffer.readSlice(length: length)
        else { return nil }
        self.state = .header
        let frame = Frame(type: type, flags: flags, callID: callID, payload: payload)
        if type == .windowUpdate, !FlowControl.validIncrements.contains(frame.windowIncrement) {
            throw FramingError.invalidWindowUpdate(
                "grants \(frame.windowIncrement) bytes; an increment is 1 to \(FlowControl.maximumWindow)",
                callID: callID
            )
        }
        return frame
    }
}
