import NIOCore
import NIOPosix
import Synchronization
import WindMakerTLS
import WindMakerTransport

/// A mutually authenticated TLS connection that speaks no RPC: for tests that send a server arbitrary bytes and
/// read exactly what comes back.
public final class RawTLSConnection: Sendable {
    private let channel: any Channel
    private let received: ReceivedBytes

    /// Connects to `127.0.0.1:port` as `identity` and completes the handshake.
    public static func connect(port: Int, identity: String) async throws -> RawTLSConnection {
        let security = try TLSChannelSecurity(
            configuration: DevCertificates.shared.clientConfiguration(for: identity, serverName: "127.0.0.1"),
            logger: .init(label: "raw-tls")
        )
        let received = ReceivedBytes()
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try security.configureClientPipeline(channel, serverName: "127.0.0.1")
                    try channel.pipeline.syncOperations.addHandler(Collector(received: received))
                }
            }
            .connect(host: "127.0.0.1", port: port).get()
        try await received.authenticated.futureResult.get()
        return RawTLSConnection(channel: channel, received: received)
    }

    private init(channel: any Channel, received: ReceivedBytes) {
        self.channel = channel
        self.received = received
    }

    /// Sends bytes as they are.
    public func send(_ bytes: [UInt8]) async throws {
        try await self.channel.writeAndFlush(self.channel.allocator.buffer(bytes: bytes)).get()
    }

    /// Everything received so far.
    public var bytes: [UInt8] { self.received.bytes }

    /// Waits until the server closes the connection; throws if it does not within `timeout`.
    public func waitForClose(timeout: Duration = .seconds(10)) async throws {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        while self.channel.isActive {
            guard ContinuousClock.now < deadline else { throw RawTLSConnectionError.stillOpen }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Whether the connection is still open.
    public var isOpen: Bool { self.channel.isActive }

    public func close() async {
        try? await self.channel.close()
    }

    private final class Collector: ChannelInboundHandler {
        typealias InboundIn = ByteBuffer
        let received: ReceivedBytes

        init(received: ReceivedBytes) {
            self.received = received
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if event is ConnectionAuthenticatedEvent { self.received.authenticated.succeed() }
            context.fireUserInboundEventTriggered(event)
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            self.received.append(Array(buffer: Self.unwrapInboundIn(data)))
        }

        func channelInactive(context: ChannelHandlerContext) {
            self.received.authenticated.fail(RawTLSConnectionError.closedDuringHandshake)
            context.fireChannelInactive()
        }
    }
}

/// A raw connection did not behave as a test expected.
public enum RawTLSConnectionError: Error {
    case closedDuringHandshake
    case stillOpen
}

private final class ReceivedBytes: Sendable {
    let authenticated = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Void.self)
    private let storage = Mutex<[UInt8]>([])

    func append(_ bytes: [UInt8]) {
        self.storage.withLock { $0 += bytes }
    }

    var bytes: [UInt8] { self.storage.withLock { $0 } }
}
