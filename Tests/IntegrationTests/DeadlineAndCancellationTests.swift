import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Deadlines and cancellation reach the handler in the real server process.
@Suite struct DeadlineAndCancellationTests {
    @Test func deadlineThatExpiresInTheHandlerIsDeadlineExceededAndCancelsIt() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        // Connect first, so the deadline is spent in the handler and not on the TLS handshake.
        _ = try await HealthV1.Health.Client(test.client).check(HealthV1.HealthCheckRequest())
        let started = ContinuousClock.now
        let error = await #expect(throws: RPCError.self) {
            try await EchoV1.Echo.Client(test.client).unary(
                EchoV1.EchoRequest(text: "slow-deadline", delayMs: 10_000),
                options: CallOptions(timeout: .milliseconds(500))
            )
        }
        #expect(error?.code == .deadlineExceeded)
        #expect(ContinuousClock.now - started < .seconds(5))
        try await server.waitForLog("handler observed cancellation", "echo.text=slow-deadline")
        await test.connection.close()
    }

    @Test func clientCancellationReachesTheHandler() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "operator-alice")
        let call = Task {
            try await EchoV1.Echo.Client(test.client).unary(EchoV1.EchoRequest(text: "slow-cancel", delayMs: 10_000))
        }
        try await server.waitForLog("call started", "rpc.method=windmaker.echo.v1.Echo/Unary")
        call.cancel()
        let error = await #expect(throws: RPCError.self) { try await call.value }
        #expect(error?.code == .cancelled)
        try await server.waitForLog("handler observed cancellation", "echo.text=slow-cancel")
        // The connection is still good for the next call.
        let response = try await EchoV1.Echo.Client(test.client).unary(EchoV1.EchoRequest(text: "after"))
        #expect(response.text == "after")
        await test.connection.close()
    }
}
