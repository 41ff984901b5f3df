import NIOCore
public import WindMakerMessages
import WindMakerTransport

/// Frames built and parsed byte by byte, independently of the transport's connection handlers, so tests can play
/// a client that misbehaves or watch exactly what a server sends.
public enum WireFrames {
    /// A frame as read off the wire.
    public struct RawFrame: Sendable {
        public var type: UInt8
        public var flags: UInt8
        public var callID: UInt32
        public var payload: [UInt8]
    }

    /// The bytes of a frame.
    public static func frame(type: UInt8, flags: UInt8 = 0, callID: UInt32, payload: [UInt8] = []) -> [UInt8] {
        var buffer = ByteBuffer()
        buffer.writeMultipleIntegers(UInt32(payload.count), type, flags, callID)
        buffer.writeBytes(payload)
        return Array(buffer: buffer)
    }

    /// HEADERS then MESSAGE (END_STREAM) of a unary echo call.
    public static func unary(
        callID: UInt32,
        method: String,
        delayMs: UInt32,
        timeoutMicros: UInt64 = 0
    ) throws -> [UInt8] {
        let headers = try RPCV1.RequestHeaders(method: method, timeoutMicros: timeoutMicros, metadata: [])
            .serializedBytes()
        let request = try EchoV1.EchoRequest(text: "raw-\(callID)", delayMs: delayMs).serializedBytes()
        return self.frame(type: FrameType.headers.rawValue, callID: callID, payload: headers)
            + self.frame(
                type: FrameType.message.rawValue,
                flags: FrameFlags.endStream.rawValue,
                callID: callID,
                payload: request
            )
    }

    /// A HEADERS frame opening a call to `method`; `receiveWindow` above 0 opts the call into flow control, 0 plays
    /// a client older than it.
    public static func headers(
        callID: UInt32,
        method: String,
        receiveWindow: UInt32 = 0,
        endStream: Bool = false
    ) throws -> [UInt8] {
        let headers = try RPCV1.RequestHeaders(method: method, receiveWindow: receiveWindow).serializedBytes()
        return self.frame(
            type: FrameType.headers.rawValue,
            flags: endStream ? FrameFlags.endStream.rawValue : 0,
            callID: callID,
            payload: headers
        )
    }

    /// A MESSAGE frame carrying `message`.
    public static func message(callID: UInt32, _ message: some ProtoMessage, endStream: Bool = false) throws -> [UInt8]
    {
        self.frame(
            type: FrameType.message.rawValue,
            flags: endStream ? FrameFlags.endStream.rawValue : 0,
            callID: callID,
            payload: try message.serializedBytes()
        )
    }

    /// A WINDOW_UPDATE frame granting `increment` bytes on `callID`.
    public static func windowUpdate(callID: UInt32, increment: UInt32) -> [UInt8] {
        var payload = ByteBuffer()
        payload.writeInteger(increment)
        return self.frame(type: FrameType.windowUpdate.rawValue, callID: callID, payload: Array(buffer: payload))
    }

    /// Every whole frame in `bytes`.
    public static func parse(_ bytes: [UInt8]) -> [RawFrame] {
        var buffer = ByteBuffer(bytes: bytes)
        var frames: [RawFrame] = []
        while let (length, type, flags, callID) = buffer.getMultipleIntegers(
            at: buffer.readerIndex,
            as: (UInt32, UInt8, UInt8, UInt32).self
        ), buffer.readableBytes >= Frame.headerSize + Int(length) {
            buffer.moveReaderIndex(forwardBy: Frame.headerSize)
            frames.append(
                RawFrame(type: type, flags: flags, callID: callID, payload: buffer.readBytes(length: Int(length))!)
            )
        }
        return frames
    }

    /// Waits until the frames received on `connection` satisfy `condition`, and returns them.
    public static func read(
        from connection: RawTLSConnection,
        timeout: Duration = .seconds(10),
        until condition: ([RawFrame]) -> Bool
    ) async throws -> [RawFrame] {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while true {
            let frames = self.parse(connection.bytes)
            if condition(frames) { return frames }
            guard ContinuousClock.now < deadline else { throw WireFramesError.timedOut(received: frames.count) }
            try await Task.sleep(for: .milliseconds(10))
        }
    }
}

/// The expected frames did not arrive.
public enum WireFramesError: Error {
    case timedOut(received: Int)
}
