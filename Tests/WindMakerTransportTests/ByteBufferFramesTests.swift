import NIOCore
import NIOEmbedded
import Testing
import WindMakerMessages
import WindMakerTransport

@Suite struct ByteBufferFramesTests {
    @Test func writeFramePutsABigEndianHeaderBeforeThePayload() {
        var buffer = ByteBuffer()
        buffer.writeFrame(.ping, flags: .ack, callID: 0x0A0B_0C0D, payload: ByteBuffer(bytes: [9, 8, 7]))
        #expect(Array(buffer: buffer) == [0, 0, 0, 3, 0x06, 0x01, 0x0A, 0x0B, 0x0C, 0x0D, 9, 8, 7])
    }

    @Test func writeWindowUpdateWritesAFourByteBigEndianIncrement() {
        var buffer = ByteBuffer()
        buffer.writeWindowUpdate(callID: 3, increment: 0x000F_0000)
        #expect(Array(buffer: buffer) == [0, 0, 0, 4, 0x08, 0x00, 0, 0, 0, 3, 0x00, 0x0F, 0x00, 0x00])
    }

    @Test func writeFrameWithoutAPayloadWritesOnlyTheHeader() {
        var buffer = ByteBuffer()
        buffer.writeFrame(.halfClose, callID: 258)
        #expect(Array(buffer: buffer) == [0, 0, 0, 0, 0x03, 0x00, 0, 0, 1, 2])
        #expect(buffer.readableBytes == Frame.headerSize)
    }

    @Test(arguments: [
        EchoV1.EchoRequest(),
        EchoV1.EchoRequest(payload: [1, 2, 3], text: "héllo", delayMs: 5, count: 300),
        EchoV1.EchoRequest(payload: Array(repeating: 0xEE, count: 70_000)),
    ])
    func writeFrameWithAMessageRoundTripsThroughTheDecoder(message: EchoV1.EchoRequest) throws {
        var buffer = ByteBuffer(bytes: [0xAA])  // bytes already in the buffer must not be counted
        try buffer.writeFrame(.message, flags: .endStream, callID: 7, message: message)
        buffer.moveReaderIndex(forwardBy: 1)

        let encoded = try message.serializedBytes()
        #expect(buffer.getInteger(at: buffer.readerIndex, as: UInt32.self) == UInt32(encoded.count))
        #expect(buffer.readableBytes == Frame.headerSize + encoded.count)

        let channel = EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder()))
        try channel.writeInbound(buffer)
        let frame = try #require(try channel.readInbound(as: Frame.self))
        #expect(frame.type == .message)
        #expect(frame.flags == .endStream)
        #expect(frame.callID == 7)
        #expect(Array(buffer: frame.payload) == encoded)
        #expect(try EchoV1.EchoRequest(serializedBytes: Array(buffer: frame.payload)) == message)
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test func aStringWithNULMakesTheGeneratedEncoderThrow() {
        let error = #expect(throws: ProtoEncodingError.self) {
            try EchoV1.EchoRequest(text: "a\u{0}b").serializedBytes()
        }
        #expect(error?.messageName == "windmaker.echo.v1.EchoRequest")
    }

    @Test func writeFrameWithAMessageLeavesTheBufferUnchangedWhenEncodingThrows() throws {
        var buffer = ByteBuffer()
        buffer.writeFrame(.halfClose, callID: 1)
        let before = buffer

        let error = #expect(throws: FrameEncodingError.self) {
            try buffer.writeFrame(.message, callID: 2, message: EchoV1.EchoRequest(payload: [1], text: "a\u{0}b"))
        }

        guard case let .invalidMessage(encodingError) = error else {
            Issue.record("expected invalidMessage, got \(String(describing: error))")
            return
        }
        #expect(encodingError.messageName == "windmaker.echo.v1.EchoRequest")
        #expect(buffer == before)
        #expect(buffer.writerIndex == before.writerIndex)
        #expect(buffer.readableBytes == Frame.headerSize)
    }

    @Test func writeFrameWithAMessageOfExactlyTheMaximumSucceeds() throws {
        let message = EchoV1.EchoRequest(payload: Array(repeating: 7, count: 100))
        let length = try message.serializedBytes().count
        var buffer = ByteBuffer()

        try buffer.writeFrame(.message, callID: 2, message: message, maximumPayloadSize: length)

        #expect(buffer.readableBytes == Frame.headerSize + length)
        #expect(buffer.getInteger(at: 0, as: UInt32.self) == UInt32(length))
    }

    @Test func writeFrameWithAMessageOverTheMaximumThrowsAndLeavesTheBufferUnchanged() throws {
        let message = EchoV1.EchoRequest(payload: Array(repeating: 7, count: 100))
        let length = try message.serializedBytes().count
        var buffer = ByteBuffer(bytes: [0xAA, 0xBB])
        let before = buffer

        #expect(throws: FrameEncodingError.tooLarge(length: length, maximum: length - 1)) {
            try buffer.writeFrame(.message, callID: 2, message: message, maximumPayloadSize: length - 1)
        }
        #expect(buffer == before)
        #expect(buffer.writerIndex == 2)
    }
}
