import CoreMetrics
import Dispatch
public import Logging
public import NIOCore
import NIOHTTP1
import NIOPosix
import Prometheus
public import ServiceLifecycle
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Prometheus metrics over plain HTTP on their own address: `GET /metrics` answers the text exposition format of
/// everything the process counts through swift-metrics, plus the service's domain gauges read at scrape time.
///
/// It is for a scraper on a private network, so it is small and bounded: one request per connection, at most
/// ``maximumConnections`` at once, request heads and bodies limited, an idle connection closed after
/// ``idleTimeout`` and any connection after ``connectionLifetime``, and the domain gauges read off the event loop at most every ``refreshInterval``.
public final class MetricsEndpoint: Service, Sendable {
    public static let maximumConnections = 16
    public static let idleTimeout = TimeAmount.seconds(5)
    /// Longer than a scrape takes (Prometheus gives up after 10 s by default), short enough to free a slot soon.
    public static let connectionLifetime = TimeAmount.seconds(15)
    public static let refreshInterval = Duration.seconds(5)

    private let address: ListenAddress
    private let registry: PrometheusCollectorRegistry
    private let gauges: DomainGauges
    private let channel = Mutex<(any Channel)?>(nil)
    private let connections = Mutex(0)
    private let logger: Logger

    /// - Parameters:
    ///   - readings: the service's domain gauges, read from its store; run on a thread of their own, never on an
    ///     event loop. A failure is logged and the previous values stay.
    public init(
        address: ListenAddress,
        readings: (@Sendable () throws -> [GaugeReading])? = nil,
        logger: Logger
    ) {
        self.address = address
        self.registry = MetricsBackend.registry()
        self.gauges = DomainGauges(readings: readings, interval: Self.refreshInterval, logger: logger)
        self.logger = logger
    }

    /// Binds the listening socket (once).
    /// - Throws: ``StartupError`` naming the address and why it cannot be used.
    @discardableResult
    public func bind() async throws -> SocketAddress {
        if let bound = self.channel.withLock({ $0 })?.localAddress { return bound }
        let bootstrap = ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try self.configure(channel) }
            }
        do {
            let channel = try await bootstrap.bind(host: self.address.host, port: self.address.port).get()
            self.channel.withLock { $0 = channel }
            return channel.localAddress!
        } catch {
            let reason: String =
                switch error {
                case let error as IOError: String(cString: strerror(error.errnoCode)).lowercased()
                default: "\(error)"
                }
            throw StartupError(
                "cannot serve metrics on \(self.address) (--metrics-listen or WM_METRICS_LISTEN): \(reason)"
            )
        }
    }

    public func run() async throws {
        try await self.bind()
        try? await gracefulShutdown()
        try? await self.channel.withLock({ $0 })?.close()
    }

    /// The exposition text: the domain gauges refreshed if due, then everything in the registry.
    func render() async -> [UInt8] {
        await self.gauges.refreshIfDue()
        return self.registry.emitToBuffer()
    }

    private func configure(_ channel: any Channel) throws {
        let admitted = self.connections.withLock { count -> Bool in
            guard count < Self.maximumConnections else { return false }
            count += 1
            return true
        }
        guard admitted else {
            channel.close(promise: nil)
            return
        }
        // A peer that trickles a byte now and then never goes idle; no connection outlives this, whatever it sends.
        let lifetime = channel.eventLoop.scheduleTask(in: Self.connectionLifetime) { channel.close(promise: nil) }
        channel.closeFuture.whenComplete { _ in
            lifetime.cancel()
            self.connections.withLock { $0 -= 1 }
        }
        try channel.pipeline.syncOperations.addHandler(IdleStateHandler(allTimeout: Self.idleTimeout))
        // Our handler answers malformed requests itself, so that it can close the connection after the 400.
        try channel.pipeline.syncOperations.configureHTTPServerPipeline(
            withPipeliningAssistance: false,
            withErrorHandling: false
        )
        try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(endpoint: self))
    }
}
