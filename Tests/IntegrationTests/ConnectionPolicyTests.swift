import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport
import WindMakerTransport

/// Keepalive, idle timeout and the per-connection call cap, over real TLS on loopback.
@Suite struct ConnectionPolicyTests {
    @Test func idleConnectionIsClosedWithGoAway() async throws {
        let echo = try await InProcessEchoServer.start(
            ServerConfiguration(keepalive: KeepalivePolicy(interval: nil), idleTimeout: .milliseconds(300))
        )
        let raw = try await RawTLSConnection.connect(port: echo.port, identity: "operator-alice")
        try await raw.waitForClose(timeout: .seconds(5))
        let goAway = try #require(WireFrames.parse(raw.bytes).first { $0.type == FrameType.goAway.rawValue })
        #expect(try RPCV1.GoAway(serializedBytes: goAway.payload).message.contains("idle"))
        await echo.server.shutDownGracefully()
    }

    @Test func unansweredKeepalivePingClosesTheConnection() async throws {
        let echo = try await InProcessEchoServer.start(
            ServerConfiguration(
                keepalive: KeepalivePolicy(interval: .milliseconds(200), timeout: .milliseconds(200)),
                idleTimeout: nil
            )
        )
        // A raw peer reads but never answers pings.
        let raw = try await RawTLSConnection.connect(port: echo.port, identity: "operator-alice")
        try await raw.waitForClose(timeout: .seconds(5))
        #expect(WireFrames.parse(raw.bytes).contains { $0.type == FrameType.ping.rawValue && $0.flags == 0 })
        #expect(echo.logged("keepalive ping was not answered", atLeast: .warning))
        await echo.server.shutDownGracefully()
    }

    @Test func answeredKeepalivePingsKeepTheConnection() async throws {
        let echo = try await InProcessEchoServer.start(
            ServerConfiguration(
                keepalive: KeepalivePolicy(interval: .milliseconds(100), timeout: .seconds(1)),
                idleTimeout: nil
            )
        )
        let test = try TestClient(port: echo.port, identity: "operator-alice")
        let client = EchoV1.Echo.Client(test.client)
        #expect(try await client.unary(EchoV1.EchoRequest(text: "first")).text == "first")
        // Longer than the answer timeout: an unanswered ping would have closed the connection by now.
        try await Task.sleep(for: .milliseconds(2_500))
        #expect(try await client.unary(EchoV1.EchoRequest(text: "second")).text == "second")
        #expect(echo.log.messages(atLeast: .trace).filter { $0 == "connection authenticated" }.count == 1)
        #expect(!echo.logged("keepalive ping was not answered"))
        await test.connection.close()
        await echo.server.shutDownGracefully()
    }

    @Test func callsOverTheConcurrencyCapAreRefused() async throws {
        let echo = try await InProcessEchoServer.start(ServerConfiguration(maximumConcurrentCallsPerConnection: 2))
        let test = try TestClient(port: echo.port, identity: "operator-alice", retryPolicy: RetryPolicy(maxAttempts: 1))
        let client = EchoV1.Echo.Client(test.client)
        let slow = (0 ..< 2).map { index in
            Task { try await client.unary(EchoV1.EchoRequest(text: "slow-\(index)", delayMs: 1_000)) }
        }
        try await echo.waitUntil { echo.log.messages(atLeast: .debug).filter { $0 == "call started" }.count == 2 }
        let error = await #expect(throws: RPCError.self) {
            try await client.unary(EchoV1.EchoRequest(text: "third"))
        }
        #expect(error?.code == .resourceExhausted)
        #expect(error?.message.contains("more than 2 concurrent calls") == true)
        for call in slow { _ = try await call.value }
        // With the slots free again, the connection takes calls.
        #expect(try await client.unary(EchoV1.EchoRequest(text: "later")).text == "later")
        await test.connection.close()
        await echo.server.shutDownGracefully()
    }

    @Test func healthWatchSeesShutdownAndEndsSoTheDrainIsQuick() async throws {
        let echo = try await InProcessEchoServer.start(ServerConfiguration())
        let test = try TestClient(port: echo.port, identity: "operator-alice")
        let health = HealthV1.Health.Client(test.client)
        let (firstSeen, seen) = AsyncStream.makeStream(of: Void.self)
        let watched = Task {
            try await health.watch(HealthV1.HealthCheckRequest()) { responses in
                var statuses: [HealthV1.ServingStatus] = []
                for try await response in responses {
                    statuses.append(response.status)
                    seen.yield()
                }
                return statuses
            }
        }
        // Shut down only once the watch is certainly open on the server.
        for await _ in firstSeen { break }
        let started = ContinuousClock.now
        await echo.server.shutDownGracefully()
        #expect(ContinuousClock.now - started < .seconds(5))
        #expect(try await watched.value == [.serving, .notServing])
        await test.connection.close()
    }
}
