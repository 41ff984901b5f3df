public import Logging
public import NIOCore
public import ServiceLifecycle
import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceAPI
public import WindMakerTLS
public import WindMakerTransport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A Wind Maker server: the given services plus health and method listing, over mutual TLS, behind the
/// access policy; a `Service` that drains gracefully when its service group shuts down.
///
/// ```swift
/// let server = try WindMakerServer(name: "registry", services: [registry], policy: RegistryAccess.policy,
///                                  listen: address, tls: tls, logger: logger)
/// try await ServiceGroup(services: [server], gracefulShutdownSignals: [.sigterm], logger: logger).run()
/// ```
public final class WindMakerServer: Service, Sendable {
    /// Serving status of the server and each service on it.
    public let health: HealthStatusRegistry
    private let server: RPCServer
    private let listen: ListenAddress
    private let dependencies: [any Service]
    private let logger: Logger
    /// Reloads the certificate files on SIGHUP or when they change; runs with the dependencies.
    public let certificates: CertificateReloader
    /// Serves Prometheus metrics, when the server has an address for them.
    private let metrics: MetricsEndpoint?

    /// - Parameters:
    ///   - policy: who may call what; every method of `services` needs a rule.
    ///   - identity: the URI SAN the server's certificate must carry (e.g. `spiffe://windmaker/service/registry`);
    ///     `nil` skips the check (tests serving with another service's certificate).
    ///   - dependencies: what the services need running (clients, schedulers such as an ``IdempotencyPruner``):
    ///     ``runUntilSignalled()`` starts them before the server and stops them after it has drained.
    /// - Throws: ``StartupError`` when TLS cannot be set up, the certificate is not for `identity`, or a method has
    ///   no access rule.
    public init(
        name: String,
        services: [any RPCService],
        policy: AccessPolicy,
        listen: ListenAddress,
        tls: TLSConfiguration,
        identity: String? = nil,
        dependencies: [any Service] = [],
        metrics: MetricsEndpoint? = nil,
        configuration: ServerConfiguration = ServerConfiguration(),
        interceptors: [any ServerInterceptor] = [],
        logger: Logger
    ) throws {
        let security = try Self.security(tls, identity: identity, name: name, logger: logger)
        var logger = logger
        logger[metadataKey: "server"] = "\(name)"
        let health = HealthStatusRegistry()
        var router = RPCRouter()
        for service in services { router.register(service) }
        // A method without a rule would be closed to everyone: a mistake to catch at start, not in production.
        let unruled = router.registeredMethods.map(\.descriptor).filter { policy.principals(for: $0).isEmpty }
        guard unruled.isEmpty else {
            throw StartupError(
                "the \(name) server's access policy has no rule for \(unruled.map(\.fullName).joined(separator: ", "))"
                    + "; every method it serves needs one"
            )
        }
        router.register(HealthService(registry: health))
        let withoutReflection = router.registeredMethods
        router.register(ReflectionService(methods: withoutReflection + Self.reflectionMethods(router)))

        var policy = policy
        for method in HealthV1.Health.Method.all + ReflectionV1.Reflection.Method.all {
            policy.allow([.anyAuthenticated], toCall: method)
        }
        health.set(.serving)
        for service in Set(router.registeredMethods.map(\.descriptor.service)) {
            health.set(.serving, for: service)
        }

        self.health = health
        self.certificates = CertificateReloader(
            security: security,
            configuration: tls,
            check: { context throws(StartupError) in
                try Self.checkIdentity(context, tls, identity: identity, name: name)
            },
            logger: logger
        )
        self.listen = listen
        self.dependencies = dependencies
        self.metrics = metrics
        self.logger = logger
        // Health watchers stay subscribed for long; they re-subscribe when their stream ends.
        var configuration = configuration
        configuration.callTimeouts.setIfUnset(.seconds(3600), for: HealthV1.Health.Method.watch)
        self.server = RPCServer(
            router: router,
            interceptors: [AuthorizationInterceptor(policy: policy)] + interceptors,
            security: security,
            configuration: configuration,
            logger: logger
        )
    }

    /// Binds the listening socket; `run` binds on its own if this was not called.
    /// - Throws: ``StartupError`` naming the address and why it cannot be used (taken, not this machine's, unknown).
    @discardableResult
    public func bind() async throws -> SocketAddress {
        if let address = self.server.localAddress { return address }
        do {
            return try await self.server.bind(host: self.listen.host, port: self.listen.port)
        } catch {
            let reason: String
            switch error {
            case let error as IOError: reason = String(cString: strerror(error.errnoCode)).lowercased()
            case is SocketAddressError.UnknownHost: reason = "no such host"
            default: reason = "\(error)"
            }
            throw StartupError(
                "cannot listen on \(self.listen.host):\(self.listen.port) (--listen or WM_LISTEN): \(reason)"
            )
        }
    }

    /// Serves until graceful shutdown, then stops accepting, drains in-flight calls and returns.
    public func run() async throws {
        try await self.bind()
        try await withGracefulShutdownHandler {
            try await self.server.run()
        } onGracefulShutdown: {
            Task { await self.shutDownGracefully() }
        }
    }

    /// What an executable's `main` does: binds, logs the address it serves on, and serves until SIGTERM or SIGINT,
    /// then drains and returns once every handler has returned. The dependencies run in the same service group:
    /// started first, stopped in reverse order, so after the server.
    public func runUntilSignalled() async throws {
        // Metrics first: "serving" is the line scripts and tests wait for, so everything is bound once it is logged.
        if let metrics = self.metrics {
            let address = try await metrics.bind()
            self.logger.notice("metrics", metadata: ["address": "\(address)"])
        }
        let address = try await self.bind()
        self.logger.notice("serving", metadata: ["address": "\(address)"])
        let group = ServiceGroup(
            configuration: .init(
                services: self.companions + [self],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: self.logger
            )
        )
        try await group.run()
    }

    /// The server with its dependencies, as ``runUntilSignalled()`` runs them but without signal handling: they
    /// start first and stop in reverse order, after the server has drained.
    public func serviceGroup() -> ServiceGroup {
        ServiceGroup(
            configuration: .init(services: self.companions + [self], logger: self.logger)
        )
    }

    /// What runs beside the server: its dependencies, the certificate reloader and the metrics endpoint, started
    /// before it and stopped after it.
    private var companions: [any Service] {
        self.dependencies + [self.certificates] + (self.metrics.map { [$0] } ?? [])
    }

    /// Stops the server as a graceful shutdown would.
    public func shutDownGracefully() async {
        self.logger.info("draining")
        self.health.finish()
        await self.server.shutDownGracefully()
    }

    /// Checks what `init` will check of the TLS files, without building the server: an executable calls it before
    /// it opens its database, so a wrong certificate or key leaves nothing behind.
    /// - Throws: ``StartupError`` as `init` does.
    public static func checkTLS(_ tls: TLSConfiguration, identity: String, name: String) throws(StartupError) {
        _ = try Self.security(tls, identity: identity, name: name, logger: Logger(label: name))
    }

    /// Loads the credentials, and checks the certificate names the identity this server serves as: one for another
    /// service would start and then be refused by every peer that checks who it called.
    private static func security(
        _ tls: TLSConfiguration,
        identity: String?,
        name: String,
        logger: Logger
    ) throws(StartupError) -> TLSChannelSecurity {
        let security: TLSChannelSecurity
        do {
            security = try TLSChannelSecurity(configuration: tls, logger: logger)
        } catch {
            throw StartupError("cannot set up TLS for the \(name) server: \(error.reason)")
        }
        try Self.checkIdentity(security.context, tls, identity: identity, name: name)
        return security
    }

    /// Checks that the certificate of `context` names the identity this server serves as: one for another service
    /// would start (or be reloaded) and then be refused by every peer that checks who it called.
    static func checkIdentity(
        _ context: TLSContext,
        _ tls: TLSConfiguration,
        identity: String?,
        name: String
    ) throws(StartupError) {
        guard let identity else { return }
        let names = context.ownIdentity?.uriSANs ?? []
        guard names.contains(identity) else {
            let found = names.isEmpty ? "no URI name" : names.joined(separator: ", ")
            throw StartupError(
                "the certificate in \(tls.certificateChainPath ?? "(none)") is for \(found), but the \(name) server"
                    + " serves as \(identity): pass the \(name) certificate with --tls-cert or WM_TLS_CERT"
            )
        }
    }

    private static func reflectionMethods(_ router: RPCRouter) -> [RegisteredMethod] {
        var probe = RPCRouter()
        probe.register(ReflectionService(methods: []))
        return probe.registeredMethods
    }
}
