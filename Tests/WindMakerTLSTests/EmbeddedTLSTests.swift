import Logging
import NIOCore
import NIOEmbedded
import Testing
import WindMakerTestSupport

@testable import WindMakerTLS

/// Client and server `OpenSSLHandler`s on two `EmbeddedChannel`s, with the test carrying bytes between them.
@Suite("OpenSSLHandler on EmbeddedChannel")
struct EmbeddedTLSTests {
    let certificates = DevCertificates.shared

    private func makePair(
        client clientConfiguration: TLSConfiguration? = nil
    ) throws -> (client: EmbeddedChannel, clientTLS: OpenSSLHandler, server: EmbeddedChannel, serverTLS: OpenSSLHandler)
    {
        let logger = Logger(label: "test.embedded")
        let clientTLS = try OpenSSLHandler(
            context: TLSContext(
                configuration: clientConfiguration
                    ?? self.certificates.clientConfiguration(for: "finance-bob", serverName: "echo")
            ),
            logger: logger
        )
        let serverTLS = try OpenSSLHandler(
            context: TLSContext(configuration: self.certificates.serverConfiguration(for: "echo")),
            logger: logger
        )
        let client = EmbeddedChannel(handler: clientTLS)
        let server = EmbeddedChannel(handler: serverTLS)
        let address = try SocketAddress(ipAddress: "127.0.0.1", port: 7000)
        try server.connect(to: address).wait()
        try client.connect(to: address).wait()
        return (client, clientTLS, server, serverTLS)
    }

    /// Moves ciphertext both ways until neither side has anything more to send.
    private func shuttle(_ client: EmbeddedChannel, _ server: EmbeddedChannel) throws {
        var moved = true
        while moved {
            moved = false
            while let bytes = try client.readOutbound(as: ByteBuffer.self) {
                if server.isActive { try server.writeInbound(bytes) }
                moved = true
            }
            while let bytes = try server.readOutbound(as: ByteBuffer.self) {
                if client.isActive { try client.writeInbound(bytes) }
                moved = true
            }
        }
    }

    private func readAll(_ channel: EmbeddedChannel) throws -> String {
        var text = ""
        while var buffer = try channel.readInbound(as: ByteBuffer.self) {
            text += buffer.readString(length: buffer.readableBytes) ?? ""
        }
        return text
    }

    @Test("handshake, data both ways, and close_notify without sockets")
    func handshakeDataAndClose() throws {
        let (client, clientTLS, server, serverTLS) = try self.makePair()

        // Written before the handshake: held, then sent with the client's Finished.
        let early = client.writeAndFlush(ByteBuffer(string: "early request"))
        try self.shuttle(client, server)
        try early.wait()

        #expect(clientTLS.handshakeResult?.peer.uriSANs == ["spiffe://windmaker/service/echo"])
        #expect(serverTLS.handshakeResult?.peer.uriSANs == ["spiffe://windmaker/finance/bob"])
        #expect(serverTLS.handshakeResult?.alpnProtocol == "wm-rpc/1")
        #expect(try self.readAll(server) == "early request")

        server.write(ByteBuffer(string: "response "), promise: nil)
        server.write(ByteBuffer(string: "in two writes"), promise: nil)
        server.flush()
        let records = try #require(try server.readOutbound(as: ByteBuffer.self))
        #expect(try server.readOutbound(as: ByteBuffer.self) == nil, "one network write per flush")
        try client.writeInbound(records)
        #expect(try self.readAll(client) == "response in two writes")

        let closed = client.close()
        try self.shuttle(client, server)
        try closed.wait()
        #expect(!client.isActive)
        #expect(!server.isActive, "the server answered close_notify and closed")
    }

    @Test("handshake that never completes times out and closes the channel")
    func handshakeTimeout() throws {
        let logs = RecordingLogHandler.Store()
        let configuration = self.certificates.clientConfiguration(for: "finance-bob", serverName: "echo")
        let handler = try OpenSSLHandler(
            context: TLSContext(configuration: configuration),
            logger: RecordingLogHandler.logger(label: "test", store: logs)
        )
        let channel = EmbeddedChannel(handler: handler)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 7000)).wait()
        #expect(try channel.readOutbound(as: ByteBuffer.self) != nil, "ClientHello")
        channel.embeddedEventLoop.advanceTime(by: .seconds(11))
        #expect(!channel.isActive)
        #expect(throws: TLSError.self) { try channel.throwIfErrorCaught() }
        #expect(logs.messages(atLeast: .warning).contains { $0.contains("did not finish within") })
    }

    @Test("writes after close fail their promises")
    func writesFailAfterClose() throws {
        let (client, _, server, _) = try self.makePair()
        try self.shuttle(client, server)
        let closed = client.close()
        try self.shuttle(client, server)
        try closed.wait()
        let late = client.writeAndFlush(ByteBuffer(string: "too late"))
        #expect(throws: ChannelError.self) { try late.wait() }
    }

    @Test("a transport lost during the handshake fails held writes and reports the error")
    func transportLostDuringHandshake() throws {
        let (client, _, _, _) = try self.makePair()
        let held = client.writeAndFlush(ByteBuffer(string: "held until the handshake completes"))
        client.pipeline.fireChannelInactive()
        #expect(throws: ChannelError.self) { try held.wait() }
        #expect {
            try client.throwIfErrorCaught()
        } throws: { error in
            (error as? TLSError)?.code == .closedDuringHandshake
        }
    }
}

@Suite("TLSContext")
struct TLSContextTests {
    let certificates = DevCertificates.shared

    @Test("a missing certificate file names the file")
    func missingFile() {
        var configuration = self.certificates.serverConfiguration(for: "echo")
        configuration.certificateChainPath = "/nonexistent/server.pem"
        #expect {
            try TLSContext(configuration: configuration)
        } throws: { error in
            guard let error = error as? TLSError else { return false }
            return error.code == .credentialLoadFailed && error.reason.contains("/nonexistent/server.pem")
        }
    }

    @Test("a key that does not match the certificate is rejected")
    func mismatchedKey() {
        var configuration = self.certificates.serverConfiguration(for: "echo")
        configuration.privateKeyPath = self.certificates.keyPath(for: "registry")
        #expect {
            try TLSContext(configuration: configuration)
        } throws: { error in
            // OpenSSL itself notices while loading the key ("key values mismatch"); the explicit check backs it up.
            guard let reason = (error as? TLSError)?.reason else { return false }
            return reason.contains("mismatch") || reason.contains("does not match")
        }
    }

    @Test("a server needs a certificate")
    func serverWithoutCertificate() {
        let configuration = TLSConfiguration(
            role: .server,
            certificateChainPath: nil,
            privateKeyPath: nil,
            trustRootsPath: self.certificates.caPath
        )
        #expect(throws: TLSError.self) { try TLSContext(configuration: configuration) }
    }
}

@Suite("TLSConnectionState")
struct TLSConnectionStateTests {
    @Test("the happy path")
    func happyPath() {
        var state = TLSConnectionState.idle
        let started = state.startHandshake()
        let startedTwice = state.startHandshake()
        #expect(started && !startedTwice)
        #expect(state.acceptsWrites)
        let completed = state.completeHandshake()
        #expect(completed && state == .active)
        let firstClose = state.close()
        #expect(firstClose == .sendCloseNotify && !state.acceptsWrites)
        let secondClose = state.close()
        #expect(secondClose == .joinPendingClose)
        let previous = state.markClosed()
        #expect(previous == .closing)
        let lateClose = state.close()
        #expect(lateClose == .forward)
    }

    @Test(
        "closing before the handshake completes closes the transport",
        arguments: [TLSConnectionState.idle, .handshaking]
    )
    func closeEarly(state initial: TLSConnectionState) {
        var state = initial
        let action = state.close()
        #expect(action == .closeTransport && state == .closed)
        let completed = state.completeHandshake()
        #expect(!completed)
    }
}
