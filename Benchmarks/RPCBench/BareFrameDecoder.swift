import NIOCore

/// Splits a byte stream into frames of a big-endian `UInt32` length followed by that many bytes. Each frame is
/// passed on whole, header included, so the echo server can write it back untouched.
struct BareFrameDecoder: ByteToMessageDecoder {
    typealias InboundOut = ByteBuffer

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let length = buffer.getInteger(at: buffer.readerIndex, as: UInt32.self),
            let frame = buffer.readSlice(length: 4 + Int(length))
        else { return .needMoreData }
        context.fireChannelRead(Self.wrapInboundOut(frame))
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext,
        buffer: inout ByteBuffer,
        seenEOF: Bool
    ) throws -> DecodingState {
        try self.decode(context: context, buffer: &buffer)
    }
}

extension ByteBuffer {
    /// A frame for ``BareFrameDecoder`` carrying `payloadBytes` bytes.
    static func bareFrame(payloadBytes: Int, allocator: ByteBufferAllocator) -> ByteBuffer {
        var buffer = allocator.buffer(capacity: 4 + payloadBytes)
        buffer.writeInteger(UInt32(payloadBytes))
        buffer.writeRepeatingByte(0x2A, count: payloadBytes)
        return buffer
    }
}
