public import Logging
public import NIOCore
public import NIOPosix
import Synchronization
public import WindMakerRPC

/// Accepts connections on one address and serves the router's methods on each.
///
/// ```swift
/// let server = RPCServer(router: router, security: tls, configuration: .init(), logger: logger)
/// let address = try await server.bind(host: "127.0.0.1", port: 7401)
/// try await server.run()   // until shutDownGracefully() completes
/// ```
public final class RPCServer: Sendable {
    private let router: RPCRouter
    private let interceptors: [any ServerInterceptor]
    private let security: any ChannelSecurity
    private let configuration: ServerConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = Mutex(State())
    /// What every connection's unfinished frames may hold together.
    private let inboundBudget: InboundBudget
    private let frameRefusals = (budget: RateLimitedLog(), slowFrame: RateLimitedLog())
    /// The connection and handshake counts, and how many were refused.
    public let admission: ConnectionAdmission
    /// The handlers still running, which ``run()`` waits for.
    private let handlers: RunningHandlers
    /// How many large requests decode at once over every connection.
    private let largeDecodes: LargeDecodeGate

    private struct State {
        var listener: (any Channel)?
        /// Completed when a shutdown has finished draining.
        var stopped: EventLoopPromise<Void>?
        var connections: [ObjectIdentifier: any Channel] = [:]
        var isShuttingDown = false
    }

    public init(
        router: RPCRouter,
        interceptors: [any ServerInterceptor] = [],
        security: any ChannelSecurity,
        configuration: ServerConfiguration = ServerConfiguration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        precondition(
            FlowControl.serverCallWindows.contains(configuration.callReceiveWindow),
            "ServerConfiguration.callReceiveWindow must be \(FlowControl.serverCallWindows) bytes,"
                + " not \(configuration.callReceiveWindow)"
        )
        precondition(
            configuration.offLoopRequestBytes >= 0,
            "ServerConfiguration.offLoopRequestBytes must not be negative, not \(configuration.offLoopRequestBytes)"
        )
        self.handlers = RunningHandlers()
        self.largeDecodes = LargeDecodeGate(permits: configuration.concurrentLargeDecodes)
        self.router = router
        self.interceptors = interceptors
        self.security = security
        self.configuration = configuration
        self.group = group
        self.logger = logger
        self.inboundBudget = InboundBudget(limit: configuration.inboundBufferBudget)
        self.admission = ConnectionAdmission(maximumHandshakes: configuration.maximumHandshakes, logger: logger)
    }

    /// Bytes of unfinished frames held now over every connection (at most the configured budget).
    public var unfinishedFrameBytes: Int { self.inboundBudget.bytesHeld }

    /// Starts listening; returns the bound address (useful with port 0).
    public func bind(host: String, port: Int) async throws -> SocketAddress {
        let bootstrap = ServerBootstrap(group: self.group)
            .serverChannelOption(.backlog, value: 256)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelOption(.maxMessagesPerRead, value: 16)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try self.configureConnection(channel) }
            }
        let listener = try await bootstrap.bind(host: host, port: port).get()
        let stopped = listener.eventLoop.makePromise(of: Void.self)
        self.state.withLock {
            $0.listener = listener
            $0.stopped = stopped
        }
        let address = listener.localAddress!
        self.logger.info("listening", metadata: ["rpc.address": "\(address)"])
        return address
    }

    /// The bound address, once `bind` has returned.
    public var localAddress: SocketAddress? {
        self.state.withLock { $0.listener?.localAddress }
    }

    /// Suspends until a shutdown has drained every connection and every handler has returned (or the listener
    /// failed), so that what the handlers use can be closed once this returns.
    public func run() async throws {
        guard let (listener, stopped) = self.state.withLock({ state in state.listener.map { ($0, state.stopped!) } })
        else { return }
        try await listener.closeFuture.get()
        // A listener closed by anything but a shutdown leaves nothing to drain.
        guard self.state.withLock({ $0.isShuttingDown }) else { return }
        try await stopped.futureResult.get()
        let running = self.handlers.count
        if running > 0 {
            self.logger.info("waiting for handlers cut off by the drain", metadata: ["rpc.handlers": "\(running)"])
        }
        await self.handlers.waitUntilNoneRun()
    }

    /// Stops accepting, lets in-flight calls finish (refusing new ones with `UNAVAILABLE`), then closes every
    /// connection; calls still running after the grace period are cancelled.
    public func shutDownGracefully() async {
        let (listener, stopped, connections) = self.state.withLock { state in
            state.isShuttingDown = true
            return (state.listener, state.stopped, Array(state.connections.values))
        }
        try? await listener?.close()
        for connection in connections {
            connection.pipeline.fireUserInboundEventTriggered(ChannelShouldQuiesceEvent())
        }
        let deadline = ContinuousClock.now.advanced(by: self.configuration.shutdownGracePeriod)
        for connection in connections {
            let closed = connection.closeFuture
            let timer = connection.eventLoop.scheduleTask(deadline: .now() + TimeAmount(deadline - .now)) {
                connection.close(promise: nil)
            }
            try? await closed.get()
            timer.cancel()
        }
        self.logger.info("stopped")
        stopped?.succeed()
    }

    private enum Admitted {
        case yes
        case overLimit
        case shuttingDown
    }

    private func configureConnection(_ channel: any Channel) throws {
        let limit = self.configuration.maximumConnections
        let admitted = self.state.withLock { state -> Admitted in
            guard !state.isShuttingDown else { return .shuttingDown }
            guard state.connections.count < limit else { return .overLimit }
            state.connections[ObjectIdentifier(channel)] = channel
            return .yes
        }
        guard admitted == .yes else {
            if admitted == .overLimit { self.admission.refused(.connections, limit: limit) }
            channel.close(promise: nil)
            return
        }
        ServerMetrics.openConnections.increment()
        channel.closeFuture.whenComplete { _ in
            _ = self.state.withLock { $0.connections.removeValue(forKey: ObjectIdentifier(channel)) }
            ServerMetrics.openConnections.decrement()
        }
        let gate = HandshakeGate(admission: self.admission)
        try channel.pipeline.syncOperations.addHandler(gate)
        try self.security.configureServerPipeline(channel)
        let account = InboundAccount(budget: self.inboundBudget)
        try channel.pipeline.syncOperations.addHandlers([
            gate.completion,
            UnfinishedFrameGuard(
                account: account,
                timeout: self.configuration.frameReadTimeout,
                refusals: self.frameRefusals,
                logger: self.logger
            ),
            ByteToMessageHandler(FrameDecoder(maximumPayloadSize: self.configuration.maximumPayloadSize)),
            DecodedFrameMeter(account: account),
        ])
        try channel.pipeline.syncOperations.addHandler(
            ServerConnectionHandler(
                router: self.router,
                interceptors: self.interceptors,
                configuration: self.configuration,
                requireAuthenticatedPeer: true,
                handlers: self.handlers,
                largeDecodes: self.largeDecodes,
                logger: self.logger
            )
        )
    }
}
