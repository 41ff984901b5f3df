import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// A call that carries no deadline still ends: the server's limit for its method applies.
@Suite struct CallTimeoutTests {
    @Test func aCallWithoutADeadlineEndsAtTheServersLimit() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo", arguments: ["--call-timeout", "1"])
        defer { server.kill() }
        let raw = try await RawTLSConnection.connect(port: server.port, identity: "operator-alice")
        // An echo that would take 60 s, sent without a deadline.
        try await raw.send(
            WireFrames.unary(callID: 1, method: "windmaker.echo.v1.Echo/Unary", delayMs: 60_000, timeoutMicros: 0)
        )
        let started = ContinuousClock.now
        let frames = try await WireFrames.read(from: raw) { frames in frames.contains { $0.type == 4 } }
        let trailers = try #require(frames.first { $0.type == 4 && $0.callID == 1 })
        let status = try RPCV1.Status(serializedBytes: trailers.payload)
        #expect(status.code == RPCError.Code.deadlineExceeded.rawValue)
        #expect(status.message.contains("limit of 1"))
        #expect(ContinuousClock.now - started < .seconds(10))
        await raw.close()
    }
}
