import Testing
import WindMakerMessages
import WindMakerServiceAPI
import WindMakerTestSupport

/// What an authenticated connection that does nothing costs the server: at most 65 KB each (the figure the hostile
/// peer measured before the limits were added; the limits must not have made it worse).
@Suite struct IdleConnectionAttackTests {
    static let connections = 300

    @Test func anIdleAuthenticatedConnectionCostsAtMost65KB() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        // One connection first, so what every connection shares (TLS context, loops, caches) is in the baseline.
        let warm = try TestClient(port: server.port, identity: "operator-alice")
        _ = try await HealthV1.Health.Client(warm.client).check(HealthV1.HealthCheckRequest())
        try await Task.sleep(for: .milliseconds(300))
        let before = try server.residentBytes()
        var idle: [TestClient] = []
        for _ in 0 ..< Self.connections {
            let client = try TestClient(port: server.port, identity: "operator-alice")
            // A call makes the connection authenticated and leaves it idle with everything it needs allocated.
            _ = try await HealthV1.Health.Client(client.client).check(HealthV1.HealthCheckRequest())
            idle.append(client)
        }
        try await Task.sleep(for: .milliseconds(300))
        let perConnection = (try server.residentBytes() - before) / Self.connections
        #expect(perConnection <= 65_000, "\(perConnection) bytes per idle connection")
        print("idle authenticated connection: \(perConnection) bytes of server RSS each")
        for client in idle + [warm] { await client.connection.close() }
    }
}
