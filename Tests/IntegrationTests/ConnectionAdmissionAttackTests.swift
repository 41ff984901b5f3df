import Testing
import WindMakerMessages
import WindMakerServiceAPI
import WindMakerTestSupport

/// Connections and handshakes are capped; what is past a cap is closed at once with one log line, and a crowd of
/// silent sockets does not keep a real client out.
@Suite struct ConnectionAdmissionAttackTests {
    /// The first five bytes of a TLS record carrying a ClientHello: a handshake begun and never continued.
    static let startedHandshake: [UInt8] = [0x16, 0x03, 0x01, 0x02, 0x00]

    @Test func twoThousandSilentSocketsDoNotKeepAHealthCallOut() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let crowd = try (0 ..< 2000).map { _ in try PlainSocket(port: server.port) }
        let client = try TestClient(port: server.port, identity: "operator-alice")
        let health = HealthV1.Health.Client(client.client)
        #expect(try await health.check(HealthV1.HealthCheckRequest()).status == .serving)
        #expect(crowd.count == 2000)
        await client.connection.close()
    }

    @Test func handshakesPastTheCapAreClosedAtOnce() async throws {
        let server = try await ServerProcess.start(
            "wm-echo",
            certificate: "echo",
            arguments: ["--max-handshakes", "4"]
        )
        defer { server.kill() }
        let stalled = try (0 ..< 10).map { _ in try PlainSocket(port: server.port) }
        for socket in stalled {
            socket.send(Self.startedHandshake)
            // One at a time, so which ones are past the cap is certain.
            try await Task.sleep(for: .milliseconds(20))
        }
        try await server.waitForLog("refusing connections: the server's limit of 4 TLS handshakes in progress")
        // Counted, not ordered: the sockets' first bytes are handled on two event loops. The admitted four wait 300 ms
        // each, well inside the 10 s TLS handshake timeout that would close them too.
        let closed = stalled.map { $0.isClosedByPeer(waitingUpTo: 300) }
        #expect(closed.filter { $0 }.count == 6, "closed: \(closed)")
        #expect(server.output.components(separatedBy: "refusing connections").count - 1 == 1)
    }

    @Test func connectionsPastTheCapAreClosedAtOnce() async throws {
        let server = try await ServerProcess.start(
            "wm-echo",
            certificate: "echo",
            arguments: ["--max-connections", "5"]
        )
        defer { server.kill() }
        let first = try (0 ..< 5).map { _ in try PlainSocket(port: server.port) }
        try await Task.sleep(for: .milliseconds(200))
        let later = try (0 ..< 5).map { _ in try PlainSocket(port: server.port) }
        #expect(later.allSatisfy { $0.isClosedByPeer(waitingUpTo: 2000) })
        #expect(first.allSatisfy { !$0.isClosedByPeer(waitingUpTo: 10) })
        try await server.waitForLog("refusing connections: the server's limit of 5 open connections", "refused_total")
    }
}
