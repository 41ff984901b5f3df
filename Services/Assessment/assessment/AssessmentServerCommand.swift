import ArgumentParser
import AssessmentRPC
import Logging
import WindMakerAssessment
import WindMakerKit
import WindMakerRPC
import WindMakerServiceKit
import WindMakerServiceSupport
import WindMakerStorage
import WindMakerTLS
import WindMakerTransport

/// Serves `windmaker.assessment.v1.Assessment` (with health and method listing) over mutual TLS until SIGTERM or
/// SIGINT, on the SQLite database `<data-dir>/assessment.sqlite`, calling the registry with its own identity.
@main
struct AssessmentServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "Serve provider assessment over mutual TLS (default 127.0.0.1:7402)."
    )

    @OptionGroup var options: ServerOptions

    @OptionGroup var store: StoreOptions

    @OptionGroup var registry: RegistryUpstreamOptions

    @Option(
        name: .customLong("program-start"),
        help: "The program's first day; earlier facts are refused (default 2021-07-01)."
    )
    var programStart = "2021-07-01"

    @Option(name: .customLong("appeal-days"), help: "Days a published period takes appeals (default 7).")
    var appealDays = 7

    @Option(
        name: .customLong("appeal-seconds"),
        help: "Seconds a published period takes appeals, instead of --appeal-days (for demos and tests)."
    )
    var appealSeconds: Int64?

    @Option(name: .customLong("target-1b"), help: "Providers the program aims to have in the ¥1B club (default 100).")
    var targetBillion = 100

    @Option(name: .customLong("target-100m"), help: "Providers the program aims to have above ¥100M (default 200).")
    var targetHundredMillion = 200

    func run() async throws {
        let logger = LoggingSetup.bootstrap(
            label: "assessment",
            level: try self.options.resolvedLogLevel(),
            format: try self.options.resolvedLogFormat()
        )
        let listen = try self.options.listenAddress(default: ListenAddress(host: "127.0.0.1", port: 7402))
        let metricsAddress = try self.options.metricsAddress(default: ListenAddress(host: "127.0.0.1", port: 9402))
        let tls = try self.options.tls.serverConfiguration()
        let identity = "spiffe://windmaker/service/assessment"
        try WindMakerServer.checkTLS(tls, identity: identity, name: "assessment")
        let limits = try self.options.limits.applied()
        let retention = try self.options.idempotencyRetention()
        let settings = try self.settings()
        // The registry's addresses are checked before the store is touched (connections open on first use).
        let connection = try self.registry.open(tls: self.options.tls, logger: logger)
        let database = try await self.store.open(service: "assessment", logger: logger)
        let assessment: Assessment
        do {
            try database.migrate(AssessmentSchema.migrations)
            assessment = Assessment(database: database)
            try assessment.publishDefaultRulebookIfNone(
                effectiveFrom: PeriodID(containing: settings.programStart),
                at: SystemClock.now()
            )
        } catch let error as StorageError {
            throw StartupError("cannot open the assessment store \(database.location): \(error.message)")
        }
        defer { database.close() }
        let durability = try database.durabilitySettings()
        logger.info(
            "assessment database open",
            metadata: [
                "store": "\(database.location)",
                "storage.journal_mode": "\(durability.journalMode)",
                "storage.synchronous": "\(durability.synchronous)",
            ]
        )

        let service = AssessmentService(
            assessment: assessment,
            registry: RegistryClientSource(client: RPCClient(transport: connection)),
            settings: settings
        )
        let server = try WindMakerServer(
            name: "assessment",
            services: [service],
            policy: AssessmentAccess.policy,
            listen: listen,
            tls: tls,
            identity: identity,
            dependencies: [IdempotencyPruner(database: database, retention: retention, logger: logger)],
            metrics: metricsAddress.map { address in
                MetricsEndpoint(
                    address: address,
                    readings: { [targets = (self.targetBillion, self.targetHundredMillion)] in
                        try ClubGauges.readings(assessment, targetBillion: targets.0, targetHundredMillion: targets.1)
                    },
                    logger: logger
                )
            },
            configuration: limits,
            logger: logger
        )
        try await server.runUntilSignalled()
        await connection.close()
    }

    private func settings() throws -> AssessmentSettings {
        let start: CivilDate
        do {
            start = try CivilDate(self.programStart)
        } catch {
            throw StartupError("--program-start: \(error)")
        }
        guard (1 ... 90).contains(self.appealDays) else { throw StartupError("--appeal-days must be 1 to 90") }
        if let seconds = self.appealSeconds, !(1 ... 90 * 86_400).contains(seconds) {
            throw StartupError("--appeal-seconds must be 1 to 7776000 (90 days)")
        }
        guard self.targetBillion > 0, self.targetHundredMillion > 0 else {
            throw StartupError("--target-1b and --target-100m must be positive")
        }
        return AssessmentSettings(
            programStart: start,
            appealWindowSeconds: self.appealSeconds ?? Int64(self.appealDays) * 86_400,
            targetBillion: self.targetBillion,
            targetHundredMillion: self.targetHundredMillion
        )
    }
}
