import NIOCore
import Testing
import WindMakerTLS
import WindMakerTestSupport

/// Mutual TLS between two `OpenSSLHandler`s over real loopback sockets.
@Suite("TLS over loopback")
struct LoopbackTLSTests {
    let certificates = DevCertificates.shared

    @Test("mTLS handshake, small and 1 MiB echoes, peer identity and ALPN")
    func mutualTLSEcho() async throws {
        let server = try await TLSEchoServer(configuration: self.certificates.serverConfiguration(for: "echo"))
        let client = try await TLSTestClient(
            port: server.port,
            configuration: self.certificates.clientConfiguration(for: "operator-alice", serverName: "127.0.0.1")
        )

        let greeting = Array("hello, wind maker".utf8)
        client.send(greeting)
        #expect(await client.observations.eventually { $0.received.count >= greeting.count })
        #expect(client.observations.snapshot.received == greeting)

        var large = [UInt8](repeating: 0, count: 1 << 20)
        for index in large.indices { large[index] = UInt8(truncatingIfNeeded: index &* 31 &+ index >> 11) }
        client.send(large)
        let total = greeting.count + large.count
        #expect(await client.observations.eventually(timeout: .seconds(30)) { $0.received.count >= total })
        #expect(client.observations.snapshot.received == greeting + large)

        let serverSaw = try #require(server.observations.snapshot.handshakes.first)
        #expect(serverSaw.peer.uriSANs == ["spiffe://windmaker/operator/alice"])
        #expect(serverSaw.peer.commonName == "operator-alice")
        #expect(serverSaw.peer.fingerprintSHA256.count == 64)
        #expect(serverSaw.alpnProtocol == "wm-rpc/1")
        #expect(serverSaw.tlsVersion == "TLSv1.3")

        let clientSaw = try #require(client.observations.snapshot.handshakes.first)
        #expect(clientSaw.peer.uriSANs == ["spiffe://windmaker/service/echo"])
        #expect(clientSaw.peer.dnsSANs == ["localhost", "echo"])
        #expect(clientSaw.peer.ipSANs == ["127.0.0.1"])
        #expect(clientSaw.alpnProtocol == "wm-rpc/1")
        #expect(server.observations.snapshot.errors.isEmpty)
        #expect(client.observations.snapshot.errors.isEmpty)

        await client.close()
        #expect(await server.observations.eventually { $0.inactiveCount == 1 })
        #expect(server.observations.snapshot.errors.isEmpty, "close_notify makes a clean shutdown")
        await server.stop()
    }

    @Test("client with no certificate is refused")
    func clientWithoutCertificate() async throws {
        try await self.expectServerRefuses(
            client: self.certificates.clientConfiguration(for: nil),
            reason: "peer did not return a certificate"
        )
    }

    @Test("client certificate from an unknown CA is refused")
    func rogueClientCertificate() async throws {
        try await self.expectServerRefuses(
            client: self.certificates.rogueClientConfiguration(),
            reason: "certificate verify failed"
        )
    }

    @Test("client refuses a server whose certificate does not name the expected host")
    func wrongServerName() async throws {
        let server = try await TLSEchoServer(configuration: self.certificates.serverConfiguration(for: "echo"))
        let client = try await TLSTestClient(
            port: server.port,
            configuration: self.certificates.clientConfiguration(for: "operator-alice", serverName: "registry")
        )
        client.send(Array("must not arrive".utf8))
        #expect(await client.observations.eventually { $0.inactiveCount == 1 })
        let error = try #require(client.observations.snapshot.errors.first)
        #expect(error.code == .handshakeFailed)
        #expect(error.reason.contains("certificate verify failed"))
        #expect(error.reason.contains("hostname mismatch"))
        #expect(client.logs.messages(atLeast: .warning).contains { $0.contains("certificate verify failed") })
        #expect(client.observations.snapshot.handshakes.isEmpty)
        #expect(client.observations.snapshot.received.isEmpty)
        #expect(server.observations.snapshot.handshakes.isEmpty)
        #expect(server.observations.snapshot.received.isEmpty)
        await server.stop()
    }

    private func expectServerRefuses(client configuration: TLSConfiguration, reason: String) async throws {
        let server = try await TLSEchoServer(configuration: self.certificates.serverConfiguration(for: "echo"))
        let client = try await TLSTestClient(port: server.port, configuration: configuration)
        // In TLS 1.3 the client finishes its side first, so this write is really sent; it must never be echoed.
        client.send(Array("must not be echoed".utf8))

        #expect(await server.observations.eventually { !$0.errors.isEmpty && $0.inactiveCount == 1 })
        #expect(await client.observations.eventually { $0.inactiveCount == 1 })
        let error = try #require(server.observations.snapshot.errors.first)
        #expect(error.code == .handshakeFailed)
        #expect(error.reason.contains(reason), "\(error)")
        #expect(server.logs.messages(atLeast: .warning).contains { $0.contains(reason) })
        #expect(server.observations.snapshot.handshakes.isEmpty)
        #expect(server.observations.snapshot.received.isEmpty)
        #expect(client.observations.snapshot.received.isEmpty)
        #expect(!client.observations.snapshot.errors.isEmpty, "the client learns of the refusal from the alert")
        await server.stop()
    }
}
