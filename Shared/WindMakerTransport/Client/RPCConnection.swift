public import Logging
public import NIOCore
public import NIOPosix
import Synchronization
public import WindMakerRPC

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A client's connection to one server, used by ``RPCClient`` as its transport.
///
/// It connects on first use, carries every call over one connection, and reconnects with exponential backoff
/// after the connection is lost or the server goes away.
///
/// ```swift
/// let connection = RPCConnection(host: "127.0.0.1", port: 7401, serverName: "registry", security: tls, logger: logger)
/// let client = RPCClient(transport: connection)
/// ```
public final class RPCConnection: ClientTransport {
    private let host: String
    private let port: Int
    private let serverName: String
    private let security: any ChannelSecurity
    private let configuration: ClientConfiguration
    private let group: any EventLoopGroup
    private let logger: Logger
    private let state = Mutex(State.idle(failures: 0, retryAt: nil))

    private enum State {
        case idle(failures: Int, retryAt: ContinuousClock.Instant?)
        case connecting(EventLoopFuture<NIOLoopBound<ClientConnectionHandler>>)
        case ready(NIOLoopBound<ClientConnectionHandler>, id: ObjectIdentifier)
        case closed
    }

    public init(
        host: String,
        port: Int,
        serverName: String,
        security: any ChannelSecurity,
        configuration: ClientConfiguration = ClientConfiguration(),
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        logger: Logger
    ) {
        precondition(
            FlowControl.clientCallWindows.contains(configuration.callReceiveWindow),
            "ClientConfiguration.callReceiveWindow must be \(FlowControl.clientCallWindows) bytes,"
                + " not \(configuration.callReceiveWindow)"
        )
        self.host = host
        self.port = port
        self.serverName = serverName
        self.security = security
        self.configuration = configuration
        self.group = group
        self.logger = logger
    }

    private var target: String { "\(self.host):\(self.port)" }

    public func openStream(_ call: ClientCallInfo) async throws -> any ClientStream {
        let handler = try await self.readyHandler(deadline: call.deadline)
        if handler.eventLoop.inEventLoop {
            return ClientCallHandle(handler: handler, info: call)
        }
        return try await handler.eventLoop.submit { ClientCallHandle(handler: handler, info: call) }.get()
    }

    /// Closes the connection; later calls fail with `UNAVAILABLE`.
    public func close() async {
        let previous = self.state.withLock { state in
            defer { state = .closed }
            return state
        }
        switch previous {
        case .ready(let handler, _):
            try? await handler.eventLoop.flatSubmit { handler.value.closeChannel() }.get()
        case .connecting(let future):
            // Not worth waiting out a connect timeout: the connection is closed whenever it comes up.
            future.whenSuccess { handler in _ = handler.value.closeChannel() }
        case .idle, .closed:
            break
        }
    }

    private func readyHandler(deadline: ContinuousClock.Instant?) async throws -> NIOLoopBound<ClientConnectionHandler>
    {
        enum Step {
            case use(NIOLoopBound<ClientConnectionHandler>)
            case await(EventLoopFuture<NIOLoopBound<ClientConnectionHandler>>)
            case wait(until: ContinuousClock.Instant)
            case closed
        }
        while true {
            let step: Step = self.state.withLock { state in
                switch state {
                case .ready(let handler, _): return .use(handler)
                case .connecting(let future): return .await(future)
                case .closed: return .closed
                case .idle(let failures, let retryAt):
                    if let retryAt, retryAt > .now { return .wait(until: retryAt) }
                    let future = self.connect(failures: failures)
                    state = .connecting(future)
                    return .await(future)
                }
            }
            switch step {
            case .use(let handler):
                return handler
            case .await(let future):
                return try await Self.notProcessedOnFailure(target: self.target) {
                    try await FutureWaiter.value(
                        of: future,
                        until: deadline,
                        waitingFor: "connecting to \(self.target)"
                    )
                }
            case .wait(let retryAt):
                if let deadline, deadline < retryAt {
                    throw Self.notProcessed(RPCError(.unavailable, "\(self.target) is unreachable; next attempt later"))
                }
                try await Task.sleep(until: retryAt, clock: .continuous)
            case .closed:
                throw Self.notProcessed(RPCError(.unavailable, "the connection to \(self.target) is closed"))
            }
        }
    }

    private func connect(failures: Int) -> EventLoopFuture<NIOLoopBound<ClientConnectionHandler>> {
        let eventLoop = self.group.next()
        let ready = eventLoop.makePromise(of: Void.self)
        let bootstrap = ClientBootstrap(group: eventLoop)
            .connectTimeout(TimeAmount(self.configuration.connectTimeout))
            .channelOption(.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try self.security.configureClientPipeline(channel, serverName: self.serverName)
                    try channel.pipeline.syncOperations.addHandler(
                        ByteToMessageHandler(FrameDecoder(maximumPayloadSize: self.configuration.maximumPayloadSize))
                    )
                    let handler = ClientConnectionHandler(
                        configuration: self.configuration,
                        target: self.target,
                        ready: ready,
                        logger: self.logger
                    ) { [weak self] id in self?.retire(id) }
                    try channel.pipeline.syncOperations.addHandler(handler)
                }
            }
        let connected = bootstrap.connect(host: self.host, port: self.port)
        connected.whenFailure { ready.fail($0) }
        let timeout = eventLoop.scheduleTask(in: TimeAmount(self.configuration.connectTimeout)) {
            ready.fail(RPCError(.unavailable, "connecting to \(self.target) timed out"))
        }
        let result = connected.flatMap { channel in
            ready.futureResult.flatMapErrorThrowing { error in
                channel.close(promise: nil)
                throw error
            }.flatMap {
                channel.pipeline.handler(type: ClientConnectionHandler.self).map {
                    (NIOLoopBound($0, eventLoop: channel.eventLoop), ObjectIdentifier($0))
                }
            }
        }
        result.whenComplete { outcome in
            timeout.cancel()
            self.state.withLock { state in
                guard case .connecting = state else { return }
                switch outcome {
                case .success(let (handler, id)):
                    state = .ready(handler, id: id)
                case .failure(let error):
                    let backoff = self.backoff(afterFailures: failures + 1)
                    self.logger.warning(
                        "connection failed",
                        metadata: ["rpc.target": "\(self.target)", "error": "\(error)", "retry_in": "\(backoff)"]
                    )
                    state = .idle(failures: failures + 1, retryAt: .now.advanced(by: backoff))
                }
            }
        }
        return result.map { $0.0 }
    }

    /// Forgets a connection that stopped taking calls, so the next call opens a new one.
    private func retire(_ handlerID: ObjectIdentifier) {
        self.state.withLock { state in
            if case .ready(_, let id) = state, id == handlerID {
                state = .idle(failures: 0, retryAt: nil)
            }
        }
    }

    private func backoff(afterFailures failures: Int) -> Duration {
        var wait = self.configuration.initialReconnectBackoff
        for _ in 1 ..< max(1, failures) where wait < self.configuration.maximumReconnectBackoff { wait *= 2 }
        return min(wait, self.configuration.maximumReconnectBackoff) * Double.random(in: 0.8 ... 1.2)
    }

    private static func notProcessed(_ error: RPCError) -> RPCError {
        var error = error
        error.metadata.set(RPCError.notProcessedKey, "1")
        return error
    }

    private static func notProcessedOnFailure<T>(target: String, _ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as RPCError {
            throw Self.notProcessed(error)
        } catch is CancellationError {
            throw CancellationError()
        } catch {
            throw Self.notProcessed(RPCError(.unavailable, "could not connect to \(target): \(Self.reason(error))"))
        }
    }

    /// Why a connection attempt failed, in words: the system's reason for the first address tried ("connection
    /// refused"), rather than NIO's nested error values.
    private static func reason(_ error: any Error) -> String {
        let underlying = (error as? NIOConnectionError)?.connectionErrors.first?.error ?? error
        if let error = underlying as? IOError {
            return String(cString: strerror(error.errnoCode)).lowercased()
        }
        if let error = error as? NIOConnectionError, error.dnsAError != nil || error.dnsAAAAError != nil {
            return "no such host"
        }
        return "\(underlying)"
    }
}
