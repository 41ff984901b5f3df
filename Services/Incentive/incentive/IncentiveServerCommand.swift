import ArgumentParser
import IncentiveRPC
import Logging
import WindMakerIncentive
import WindMakerKit
import WindMakerRPC
import WindMakerServiceKit
import WindMakerServiceSupport
import WindMakerStorage
import WindMakerTransport

/// Serves `windmaker.incentive.v1.Incentive` (with health and method listing) over mutual TLS until SIGTERM or
/// SIGINT, on the SQLite database `<data-dir>/incentive.sqlite`, calling the assessment and the registry with its
/// own identity. It reconciles the ledger before it listens and refuses to start on a violation, naming it.
@main
struct IncentiveServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incentive",
        abstract: "Serve incentive disbursement over mutual TLS (default 127.0.0.1:7403)."
    )

    @OptionGroup var options: ServerOptions

    @OptionGroup var store: StoreOptions

    @OptionGroup var registry: RegistryUpstreamOptions

    @Option(
        name: .customLong("assessment"),
        help: ArgumentHelp(
            "The assessment's host:port, or several instances' separated by commas (env WM_ASSESSMENT, default"
                + " 127.0.0.1:7402)."
        )
    )
    var assessment: String?

    @Option(
        name: .customLong("assessment-server-name"),
        help: "The name the assessment's certificate must carry (env WM_ASSESSMENT_SERVER_NAME, default assessment)."
    )
    var assessmentServerName: String?

    @Option(
        name: .customLong("proposal-days"),
        help: "Days a proposed batch waits for approval before it expires and releases its budget (default 14)."
    )
    var proposalDays: Int64 = 14

    func run() async throws {
        let logger = LoggingSetup.bootstrap(
            label: "incentive",
            level: try self.options.resolvedLogLevel(),
            format: try self.options.resolvedLogFormat()
        )
        let listen = try self.options.listenAddress(default: ListenAddress(host: "127.0.0.1", port: 7403))
        let metricsAddress = try self.options.metricsAddress(default: ListenAddress(host: "127.0.0.1", port: 9403))
        let tls = try self.options.tls.serverConfiguration()
        let identity = "spiffe://windmaker/service/incentive"
        try WindMakerServer.checkTLS(tls, identity: identity, name: "incentive")
        let limits = try self.options.limits.applied()
        let retention = try self.options.idempotencyRetention()
        guard (1 ... 90).contains(self.proposalDays) else { throw StartupError("--proposal-days must be 1 to 90") }
        let registryConnection = try self.registry.open(tls: self.options.tls, logger: logger)
        let assessmentConnection = try UpstreamConnection.open(
            "assessment",
            address: self.assessment,
            defaultAddress: "127.0.0.1:7402",
            serverName: self.assessmentServerName,
            tls: self.options.tls,
            logger: logger
        )
        let database = try await self.store.open(service: "incentive", logger: logger)
        let incentive: Incentive
        do {
            try database.migrate(IncentiveSchema.migrations)
            incentive = Incentive(database: database, proposalLifetimeDays: self.proposalDays)
            try await incentive.prepare(at: SystemClock.now())
        } catch let error as StorageError {
            throw StartupError("cannot open the incentive store \(database.location): \(error.message)")
        }
        defer { database.close() }
        let durability = try database.durabilitySettings()
        logger.info(
            "incentive database open",
            metadata: [
                "store": "\(database.location)",
                "storage.journal_mode": "\(durability.journalMode)",
                "storage.synchronous": "\(durability.synchronous)",
            ]
        )
        let report = try incentive.reconcile()
        guard report.violations.isEmpty else {
            let listed = report.violations.prefix(10).map { "  - \($0.description)" }.joined(separator: "\n")
            throw StartupError(
                "the ledger in \(database.location) does not reconcile (\(report.violations.count) violations); refusing to start:\n"
                    + listed
            )
        }
        logger.info(
            "ledger reconciled",
            metadata: ["ledger.accounts": "\(report.accounts)", "ledger.transfers": "\(report.transfers)"]
        )
        let service = IncentiveService(
            incentive: incentive,
            source: UpstreamEntitlementSource(
                assessment: RPCClient(transport: assessmentConnection),
                registry: RPCClient(transport: registryConnection)
            )
        )
        let server = try WindMakerServer(
            name: "incentive",
            services: [service],
            policy: IncentiveAccess.policy,
            listen: listen,
            tls: tls,
            identity: identity,
            dependencies: [
                IdempotencyPruner(database: database, retention: retention, logger: logger),
                ProposalExpiry(incentive: incentive, logger: logger),
            ],
            metrics: metricsAddress.map { address in
                MetricsEndpoint(
                    address: address,
                    readings: {
                        let gauges = try incentive.gauges()
                        return gauges.remaining.map {
                            GaugeReading("wm_incentive_budget_remaining", ["unit": $0.key], Double($0.value))
                        }
                            + gauges.liveBatches.map {
                                GaugeReading("wm_incentive_batches_live", ["state": $0.key], Double($0.value))
                            }
                    },
                    logger: logger
                )
            },
            configuration: limits,
            logger: logger
        )
        try await server.runUntilSignalled()
        await registryConnection.close()
        await assessmentConnection.close()
    }
}
