import NIOCore
import NIOEmbedded
import Testing
import WindMakerTransport

@Suite struct FrameDecoderTests {
    private static func channel(maximumPayloadSize: Int = Frame.defaultMaximumPayloadSize) -> EmbeddedChannel {
        EmbeddedChannel(handler: ByteToMessageHandler(FrameDecoder(maximumPayloadSize: maximumPayloadSize)))
    }

    /// A 10-byte header written by hand, so the tests do not depend on `writeFrame`.
    private static func header(length: UInt32, type: UInt8, flags: UInt8 = 0, callID: UInt32) -> ByteBuffer {
        var buffer = ByteBuffer()
        buffer.writeInteger(length)
        buffer.writeInteger(type)
        buffer.writeInteger(flags)
        buffer.writeInteger(callID)
        return buffer
    }

    private static let hello = Frame(
        type: .message,
        flags: .endStream,
        callID: 0x0102_0304,
        payload: ByteBuffer(string: "hello")
    )

    private static var helloBytes: ByteBuffer {
        var buffer = Self.header(length: 5, type: 0x02, flags: 0x01, callID: 0x0102_0304)
        buffer.writeString("hello")
        return buffer
    }

    @Test func aWholeFrameDecodes() throws {
        let channel = Self.channel()
        try channel.writeInbound(Self.helloBytes)

        #expect(try channel.readInbound(as: Frame.self) == Self.hello)
        #expect(try channel.readInbound(as: Frame.self) == nil)
        #expect(try channel.finish().isClean)
    }

    @Test(arguments: 0 ... 15)
    func aFrameSplitAcrossTwoReadsDecodesOnceComplete(splitAt: Int) throws {
        let channel = Self.channel()
        var bytes = Self.helloBytes
        #expect(bytes.readableBytes == 15)
        let first = bytes.readSlice(length: splitAt)!

        try channel.writeInbound(first)
        if splitAt < 15 {
            #expect(try channel.readInbound(as: Frame.self) == nil)
        }
        try channel.writeInbound(bytes)

        #expect(try channel.readInbound(as: Frame.self) == Self.hello)
        #expect(try channel.readInbound(as: Frame.self) == nil)
        #expect(try channel.finish().isClean)
    }

    @Test func aFrameFedOneByteAtATimeDecodesOnlyAfterTheLastByte() throws {
        let channel = Self.channel()
        var bytes = Self.helloBytes
        var frames: [Frame] = []
        var bytesFedWhenDecoded: [Int] = []
        var fed = 0
        while let byte = bytes.readSlice(length: 1) {
            try channel.writeInbound(byte)
            fed += 1
            while let frame = try channel.readInbound(as: Frame.self) {
                frames.append(frame)
                bytesFedWhenDecoded.append(fed)
            }
        }
        #expect(frames == [Self.hello])
        #expect(bytesFedWhenDecoded == [15])
    }

    @Test func severalFramesInOneReadDecodeInOrder() throws {
        var bytes = Self.helloBytes
        bytes.writeImmutableBuffer(Self.header(length: 0, type: 0x03, callID: 1))
        var ping = Self.header(length: 8, type: 0x06, flags: 0x01, callID: 0)
        ping.writeBytes([1, 2, 3, 4, 5, 6, 7, 8])
        bytes.writeImmutableBuffer(ping)
        let channel = Self.channel()

        try channel.writeInbound(bytes)

        #expect(try channel.readInbound(as: Frame.self) == Self.hello)
        #expect(try channel.readInbound(as: Frame.self) == Frame(type: .halfClose, callID: 1, payload: ByteBuffer()))
        #expect(
            try channel.readInbound(as: Frame.self)
                == Frame(type: .ping, flags: .ack, callID: 0, payload: ByteBuffer(bytes: [1, 2, 3, 4, 5, 6, 7, 8]))
        )
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test func aZeroLengthPayloadDecodesFromTheHeaderAlone() throws {
        let channel = Self.channel()
        try channel.writeInbound(Self.header(length: 0, type: 0x05, callID: 42))

        let frame = try #require(try channel.readInbound(as: Frame.self))
        #expect(frame.type == .cancel)
        #expect(frame.callID == 42)
        #expect(frame.flags == [])
        #expect(frame.payload.readableBytes == 0)
    }

    @Test func aPayloadOfExactlyTheMaximumDecodes() throws {
        let channel = Self.channel(maximumPayloadSize: 64)
        var bytes = Self.header(length: 64, type: 0x02, callID: 3)
        bytes.writeRepeatingByte(0x5A, count: 64)

        try channel.writeInbound(bytes)

        let frame = try #require(try channel.readInbound(as: Frame.self))
        #expect(frame.payload == ByteBuffer(repeating: 0x5A, count: 64))
        #expect(frame.callID == 3)
    }

    @Test func aLengthOneOverTheMaximumFailsOnTheHeaderAlone() throws {
        let channel = Self.channel(maximumPayloadSize: 64)

        // Only the header: the decoder must refuse without waiting for (or buffering) the 65 payload bytes.
        #expect(throws: FramingError.frameTooLarge(length: 65, maximum: 64, callID: 9)) {
            try channel.writeInbound(Self.header(length: 65, type: 0x02, callID: 9))
        }
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test func aHugeLengthFailsWithTheDefaultMaximum() throws {
        let channel = Self.channel()

        #expect(
            throws: FramingError.frameTooLarge(length: 0xFFFF_FFFF, maximum: Frame.defaultMaximumPayloadSize, callID: 1)
        ) {
            try channel.writeInbound(Self.header(length: 0xFFFF_FFFF, type: 0x02, callID: 1))
        }
        #expect(Frame.defaultMaximumPayloadSize == 4 * 1024 * 1024)
    }

    @Test func theDecoderRejectsAnOversizeHeaderWithoutConsumingMoreThanTheHeader() throws {
        var decoder = FrameDecoder(maximumPayloadSize: 64)
        var bytes = Self.header(length: 65, type: 0x02, callID: 9)
        bytes.writeRepeatingByte(0, count: 3)

        #expect(throws: FramingError.frameTooLarge(length: 65, maximum: 64, callID: 9)) {
            try decoder.next(from: &bytes)
        }
        #expect(bytes.readableBytes == 3)
    }

    @Test(arguments: [0x00, 0x09, 0x7F, 0xFF] as [UInt8])
    func anUnknownFrameTypeFails(rawType: UInt8) throws {
        let channel = Self.channel()

        #expect(throws: FramingError.unknownFrameType(rawType, callID: 77)) {
            try channel.writeInbound(Self.header(length: 0, type: rawType, callID: 77))
        }
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test(arguments: FrameType.allCases)
    func everyKnownFrameTypeDecodes(type: FrameType) throws {
        let channel = Self.channel()
        // A window update is the one type whose payload the decoder checks: exactly 4 bytes, a valid increment.
        var bytes = Self.header(length: type == .windowUpdate ? 4 : 0, type: type.rawValue, callID: 5)
        if type == .windowUpdate { bytes.writeInteger(UInt32(1)) }
        try channel.writeInbound(bytes)
        #expect(try channel.readInbound(as: Frame.self)?.type == type)
    }

    @Test(arguments: [1, 0x0001_0000, 0x7FFF_FFFF] as [UInt32])
    func aWindowUpdateDecodesWithItsIncrement(increment: UInt32) throws {
        let channel = Self.channel()
        var bytes = Self.header(length: 4, type: 0x08, callID: 0x0102_0304)
        bytes.writeInteger(increment)

        try channel.writeInbound(bytes)

        let frame = try #require(try channel.readInbound(as: Frame.self))
        #expect(frame.type == .windowUpdate)
        #expect(frame.callID == 0x0102_0304)
        #expect(frame.windowIncrement == increment)
        #expect(try channel.readInbound(as: Frame.self) == nil)
        #expect(try channel.finish().isClean)
    }

    @Test(arguments: [0, 3, 5, 8, 4096] as [UInt32])
    func aWindowUpdateOfAnotherLengthFailsOnTheHeaderAlone(length: UInt32) throws {
        let channel = Self.channel()

        // Only the header: the length alone is wrong, so nothing of the payload is waited for.
        #expect(throws: FramingError.invalidWindowUpdate("carries 4 bytes, not \(length)", callID: 6)) {
            try channel.writeInbound(Self.header(length: length, type: 0x08, callID: 6))
        }
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test(arguments: [0, 0x8000_0000, 0xFFFF_FFFF] as [UInt32])
    func aWindowUpdateGrantingNothingOrMoreThanTheMaximumFails(increment: UInt32) throws {
        let channel = Self.channel()
        var bytes = Self.header(length: 4, type: 0x08, callID: 6)
        bytes.writeInteger(increment)

        let error = #expect(throws: FramingError.self) { try channel.writeInbound(bytes) }
        #expect(
            error?.description
                == "a window update on call 6 grants \(increment) bytes; an increment is 1 to 2147483647"
        )
        #expect(try channel.readInbound(as: Frame.self) == nil)
    }

    @Test func aWindowUpdateSplitAcrossReadsIsCheckedOnceWhole() throws {
        let channel = Self.channel()
        var bytes = Self.header(length: 4, type: 0x08, callID: 2)
        bytes.writeInteger(UInt32(0))
        let first = bytes.readSlice(length: 12)!

        try channel.writeInbound(first)
        #expect(try channel.readInbound(as: Frame.self) == nil)
        #expect(throws: FramingError.self) { try channel.writeInbound(bytes) }
    }

    @Test func framingErrorsDescribeThemselves() {
        #expect(
            FramingError.frameTooLarge(length: 65, maximum: 64, callID: 9).description
                == "frame of 65 bytes on call 9 exceeds the maximum of 64 bytes"
        )
        #expect(FramingError.unknownFrameType(0xAB, callID: 3).description == "unknown frame type 0xab on call 3")
        #expect(
            FramingError.invalidWindowUpdate("carries 4 bytes, not 5", callID: 3).description
                == "a window update on call 3 carries 4 bytes, not 5"
        )
    }
}
