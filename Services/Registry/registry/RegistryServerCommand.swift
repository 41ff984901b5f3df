import ArgumentParser
import Logging
import RegistryRPC
import WindMakerRegistry
import WindMakerServiceKit
import WindMakerServiceSupport
import WindMakerStorage

/// Serves `windmaker.registry.v1.Registry` (with health and method listing) over mutual TLS until SIGTERM or SIGINT,
/// on the SQLite database `<data-dir>/registry.sqlite`, which it creates and migrates at start.
@main
struct RegistryServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Serve the provider registry over mutual TLS (default 127.0.0.1:7401)."
    )

    @OptionGroup var options: ServerOptions

    @OptionGroup var store: StoreOptions

    func run() async throws {
        let logger = LoggingSetup.bootstrap(
            label: "registry",
            level: try self.options.resolvedLogLevel(),
            format: try self.options.resolvedLogFormat()
        )
        // Every setting is checked before the database is touched, so a mistyped flag leaves no file behind.
        let listen = try self.options.listenAddress(default: ListenAddress(host: "127.0.0.1", port: 7401))
        let metricsAddress = try self.options.metricsAddress(default: ListenAddress(host: "127.0.0.1", port: 9401))
        let tls = try self.options.tls.serverConfiguration()
        let identity = "spiffe://windmaker/service/registry"
        try WindMakerServer.checkTLS(tls, identity: identity, name: "registry")
        let limits = try self.options.limits.applied()
        let retention = try self.options.idempotencyRetention()
        let database = try await self.store.open(service: "registry", logger: logger)
        let registry: Registry
        do {
            registry = try Registry(database: database)
        } catch {
            throw StartupError("cannot open the registry store \(database.location): \(error.message)")
        }
        defer { database.close() }
        // Read back from the connection that commits, not restated from the code that set it: the durability test
        // checks this line, so it fails if the server stops syncing commits.
        let durability = try database.durabilitySettings()
        logger.info(
            "registry database open",
            metadata: [
                "store": "\(database.location)",
                "storage.journal_mode": "\(durability.journalMode)",
                "storage.synchronous": "\(durability.synchronous)",
            ]
        )

        let server = try WindMakerServer(
            name: "registry",
            services: [RegistryService(registry: registry)],
            policy: RegistryAccess.policy,
            listen: listen,
            tls: tls,
            identity: identity,
            dependencies: [IdempotencyPruner(database: database, retention: retention, logger: logger)],
            metrics: metricsAddress.map { address in
                MetricsEndpoint(
                    address: address,
                    readings: {
                        try registry.providerCounts().map {
                            GaugeReading(
                                "wm_registry_providers",
                                ["type": $0.type.rawValue, "status": $0.status.rawValue],
                                Double($0.count)
                            )
                        }
                    },
                    logger: logger
                )
            },
            configuration: limits,
            logger: logger
        )
        try await server.runUntilSignalled()
    }
}
