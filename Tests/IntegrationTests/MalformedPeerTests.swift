import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// Bytes that are not the message they claim to be get a clear status on either side.
@Suite struct MalformedPeerTests {
    /// Field 1 announced with a length far past the end: no valid protobuf.
    static let malformedProtobuf: [UInt8] = [0x0A, 0xFF, 0x01, 0x41]

    @Test func malformedRequestIsInvalidArgument() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        let headers = try RPCV1.RequestHeaders(method: "windmaker.echo.v1.Echo/Unary").serializedBytes()
        try await raw.send(
            WireFrames.frame(type: FrameType.headers.rawValue, callID: 1, payload: headers)
                + WireFrames.frame(
                    type: FrameType.message.rawValue,
                    flags: FrameFlags.endStream.rawValue,
                    callID: 1,
                    payload: Self.malformedProtobuf
                )
        )
        let frames = try await WireFrames.read(from: raw) { frames in frames.contains { $0.type == 4 } }
        let status = try RPCV1.Status(serializedBytes: try #require(frames.first { $0.type == 4 }).payload)
        #expect(status.code == RPCError.Code.invalidArgument.rawValue)
        #expect(status.message.contains("not a valid windmaker.echo.v1.EchoRequest"))
        #expect(raw.isOpen, "a bad message fails its call, not the connection")
        await raw.close()
    }

    @Test func malformedResponseIsInternal() async throws {
        let server = try await ScriptedTLSServer.start { callID in
            WireFrames.frame(type: FrameType.message.rawValue, callID: callID, payload: Self.malformedProtobuf)
                + WireFrames.frame(type: FrameType.trailers.rawValue, callID: callID)
        }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).unary(EchoV1.EchoRequest(text: "x"))
        }
        #expect(error?.code == .internal)
        #expect(error?.message.contains("not a valid windmaker.echo.v1.EchoResponse") == true)
        await test.connection.close()
        await server.stop()
    }

    @Test func clientGivesUpOnAServerThatNeverAnswersPings() async throws {
        // The server takes the call and never answers it, nor any ping.
        let server = try await ScriptedTLSServer.start { _ in [] }
        let test = try TestClient(
            port: server.port,
            identity: "operator-alice",
            configuration: ClientConfiguration(
                keepalive: KeepalivePolicy(interval: .milliseconds(200), timeout: .milliseconds(300))
            )
        )
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).unary(EchoV1.EchoRequest(text: "hang"))
        }
        #expect(error?.code == .unavailable)
        #expect(error?.message.contains("did not answer a keepalive ping") == true)
        #expect(ContinuousClock.now - started < .seconds(5))
        await test.connection.close()
        await server.stop()
    }
}
