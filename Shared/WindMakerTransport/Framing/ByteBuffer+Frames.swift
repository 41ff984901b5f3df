public import NIOCore
public import WindMakerMessages

extension ByteBuffer: ProtoByteSink {
    /// Packs protobuf bytes straight into the buffer's storage.
    public mutating func append(count: Int, _ fill: (UnsafeMutableRawBufferPointer) -> Void) {
        self.writeWithUnsafeMutableBytes(minimumWritableBytes: count) { storage in
            fill(UnsafeMutableRawBufferPointer(rebasing: storage.prefix(count)))
            return count
        }
    }
}

extension ByteBuffer {
    /// Appends a frame whose payload is `payload`.
    public mutating func writeFrame(_ type: FrameType, flags: FrameFlags = [], callID: UInt32, payload: ByteBuffer) {
        self.writeMultipleIntegers(UInt32(payload.readableBytes), type.rawValue, flags.rawValue, callID)
        self.writeImmutableBuffer(payload)
    }

    /// Appends a `windowUpdate` frame granting the peer `increment` more bytes on `callID`.
    public mutating func writeWindowUpdate(callID: UInt32, increment: UInt32) {
        self.writeMultipleIntegers(
            UInt32(4),
            FrameType.windowUpdate.rawValue,
            FrameFlags().rawValue,
            callID,
            increment
        )
    }

    /// Appends a frame with an empty payload.
    public mutating func writeFrame(_ type: FrameType, flags: FrameFlags = [], callID: UInt32) {
        self.writeMultipleIntegers(UInt32(0), type.rawValue, flags.rawValue, callID)
    }

    /// Appends a frame whose payload is `message`, encoded in place without an intermediate copy.
    /// - Throws: ``FrameEncodingError`` when the message cannot be encoded or is larger than the peer accepts;
    ///   the buffer is then unchanged.
    public mutating func writeFrame(
        _ type: FrameType,
        flags: FrameFlags = [],
        callID: UInt32,
        message: some ProtoMessage,
        maximumPayloadSize: Int = Frame.defaultMaximumPayloadSize
    ) throws(FrameEncodingError) {
        let start = self.writerIndex
        self.writeMultipleIntegers(UInt32(0), type.rawValue, flags.rawValue, callID)
        do {
            try message.serialize(into: &self)
        } catch {
            self.moveWriterIndex(to: start)
            throw .invalidMessage(error)
        }
        let length = self.writerIndex - start - Frame.headerSize
        guard length <= maximumPayloadSize else {
            self.moveWriterIndex(to: start)
            throw .tooLarge(length: length, maximum: maximumPayloadSize)
        }
        self.setInteger(UInt32(length), at: start)
    }
}
