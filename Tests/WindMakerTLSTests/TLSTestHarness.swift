import Logging
import NIOCore
import NIOPosix
import Synchronization
import WindMakerTLS
import WindMakerTestSupport

/// What one side of a test connection saw: handshake, TLS errors, plaintext, closure.
final class PeerObservations: Sendable {
    struct State {
        var handshakes: [TLSHandshakeCompleted] = []
        var errors: [TLSError] = []
        var received: [UInt8] = []
        var inactiveCount = 0
    }

    private let state = Mutex(State())

    var snapshot: State { self.state.withLock { $0 } }

    func update(_ body: (inout State) -> Void) {
        self.state.withLock { body(&$0) }
    }

    /// Waits (polling) until `condition` holds or `timeout` passes; returns whether it held.
    func eventually(timeout: Duration = .seconds(10), _ condition: (State) -> Bool) async -> Bool {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: timeout)
        while clock.now < deadline {
            if condition(self.snapshot) { return true }
            try? await Task.sleep(for: .milliseconds(10))
        }
        return condition(self.snapshot)
    }
}

/// Sits behind `OpenSSLHandler` and records what reaches the application.
final class ObservingHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let observations: PeerObservations

    init(_ observations: PeerObservations) {
        self.observations = observations
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = self.unwrapInboundIn(data)
        self.observations.update { $0.received.append(contentsOf: buffer.readableBytesView) }
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let completed = event as? TLSHandshakeCompleted {
            self.observations.update { $0.handshakes.append(completed) }
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? TLSError {
            self.observations.update { $0.errors.append(error) }
        }
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        self.observations.update { $0.inactiveCount += 1 }
        context.fireChannelInactive()
    }
}

/// Writes every read back, flushing once per read burst.
final class EchoHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.write(data, promise: nil)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // The TLS handler already closes on its own errors; anything else ends the connection too.
        context.close(promise: nil)
    }
}

/// A TLS echo server on 127.0.0.1 with an ephemeral port, observing every accepted connection.
struct TLSEchoServer {
    let channel: any Channel
    let observations = PeerObservations()
    let logs = RecordingLogHandler.Store()

    var port: Int { self.channel.localAddress!.port! }

    init(configuration: TLSConfiguration) async throws {
        let context = try TLSContext(configuration: configuration)
        let observations = self.observations
        let logger = RecordingLogHandler.logger(label: "test.server", store: self.logs)
        self.channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handlers: [any ChannelHandler] = [
                        try OpenSSLHandler(context: context, logger: logger),
                        ObservingHandler(observations),
                        EchoHandler(),
                    ]
                    try channel.pipeline.syncOperations.addHandlers(handlers)
                }
            }
            .bind(host: "127.0.0.1", port: 0)
            .get()
    }

    func stop() async {
        try? await self.channel.close()
    }
}

/// A TLS client connection to 127.0.0.1:`port`.
struct TLSTestClient {
    let channel: any Channel
    let observations = PeerObservations()
    let logs = RecordingLogHandler.Store()

    init(port: Int, configuration: TLSConfiguration) async throws {
        let context = try TLSContext(configuration: configuration)
        let observations = self.observations
        let logger = RecordingLogHandler.logger(label: "test.client", store: self.logs)
        self.channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handlers: [any ChannelHandler] = [
                        try OpenSSLHandler(context: context, logger: logger),
                        ObservingHandler(observations),
                    ]
                    try channel.pipeline.syncOperations.addHandlers(handlers)
                }
            }
            .connect(host: "127.0.0.1", port: port)
            .get()
    }

    /// Writes and flushes `bytes` (buffered by the handler until the handshake is done).
    func send(_ bytes: [UInt8]) {
        let buffer = self.channel.allocator.buffer(bytes: bytes)
        self.channel.writeAndFlush(buffer, promise: nil)
    }

    func close() async {
        try? await self.channel.close()
    }
}
