import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// A flood of tiny requests on one client-streaming call from a client without flow control: the server stops
/// reading the connection while they wait for the handler, and must read it again once they are taken. Reading
/// 150,000 frames keeps an event loop busy for about half a second in a debug build, so this runs with the attacks.
@Suite struct RequestFloodAttackTests {
    /// Without flow control, the connection's buffer limit is the only bound: the server stops reading once 8 MiB of
    /// requests wait (an empty one is charged 64 bytes), and must start again as the handler takes them. Taking a
    /// buffered request once credited only its payload, so 150,000 empty ones left the connection charged 9.6 MB
    /// for ever, and it was never read again.
    @Test func aClientWithoutFlowControlIsReadAgainOnceItsBufferedRequestsAreTaken() async throws {
        let (server, port, probe) = try await FlowControlService.serve(pauseAfter: 1)
        let raw = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        // 150,000 empty requests are charged 9.6 MB: past the 8 MiB at which the server stops reading.
        let count = 150_000
        var bytes = try WireFrames.headers(callID: 1, method: FlowControlService.ingest.fullName)
        bytes.reserveCapacity(count * Frame.headerSize + 100)
        for _ in 0 ..< count { bytes += WireFrames.frame(type: FrameType.message.rawValue, callID: 1) }
        bytes += WireFrames.frame(type: FrameType.halfClose.rawValue, callID: 1)
        let sending = Task { try await raw.send(bytes) }
        // The handler takes one request and waits while the rest pile up.
        try await eventually { probe.snapshot.taken == 1 }
        try await Task.sleep(for: .milliseconds(300))
        probe.openGate()

        let frames = try await WireFrames.read(from: raw, timeout: .seconds(60)) {
            (try? FlowControlPeerTests.status($0, callID: 1)) != nil
        }
        try await sending.value
        #expect(try FlowControlPeerTests.status(frames, callID: 1)?.code == 0)
        let response = try EchoV1.EchoResponse(
            serializedBytes: try #require(FlowControlPeerTests.messages(frames, callID: 1).first).payload
        )
        #expect(response.index == UInt32(count))

        try await raw.send(WireFrames.unary(callID: 3, method: FlowControlPeerTests.unary, delayMs: 0))
        let later = try await WireFrames.read(from: raw) { (try? FlowControlPeerTests.status($0, callID: 3)) != nil }
        #expect(try FlowControlPeerTests.status(later, callID: 3)?.code == 0)
        await raw.close()
        await server.shutDownGracefully()
    }
}
