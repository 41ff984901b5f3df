import ArgumentParser
import AssessmentRPC
import BenchmarkSupport
import IncentiveRPC
import Logging
import RegistryRPC
import WindMakerAssessment
import WindMakerIncentive
import WindMakerKit
import WindMakerPostgres
import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceAPI
import WindMakerServiceKit
import WindMakerServiceSupport
import WindMakerStorage
import WindMakerTLS
import WindMakerTransport

/// `incentive-bench serve --service incentive|assessment|registry`: one real service, built as its executable builds
/// it, on the database in `--data` (or the PostgreSQL `--store`), its port printed on standard output, until standard input closes. The incentive
/// calls the assessment and the registry on the given ports with its own identity; the assessment calls the registry.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "One server of a case.")

    @Option var service: String
    @Option var certs: String
    @Option var data: String
    @Option var registry = 1
    @Option var assessment = 1
    /// A PostgreSQL database instead of `--data`'s SQLite file; the service uses its schema there.
    @Option var store: String?

    func run() async throws {
        var logger = Logger(label: "incentive-bench-\(self.service)")
        logger.logLevel = .warning
        let certificates = CertificateDirectory(path: self.certs)
        let database: any Database =
            if let store = self.store {
                try PostgresDatabase(url: store, schema: self.service)
            } else {
                try SQLiteDatabase(path: "\(self.data)/\(self.service).sqlite")
            }
        let service: any RPCService
        let policy: AccessPolicy
        switch self.service {
        case "registry":
            try database.migrate(RegistrySchema.migrations)
            service = RegistryService(registry: try Registry(database: database))
            policy = RegistryAccess.policy
        case "assessment":
            try database.migrate(AssessmentSchema.migrations)
            service = AssessmentService(
                assessment: Assessment(database: database),
                registry: RegistryClientSource(
                    client: try self.client("registry", self.registry, certificates, logger)
                ),
                settings: AssessmentSettings(programStart: try CivilDate("2021-01-01"))
            )
            policy = AssessmentAccess.policy
        case "incentive":
            try database.migrate(IncentiveSchema.migrations)
            let incentive = Incentive(database: database)
            try await incentive.prepare(at: SystemClock.now())
            service = IncentiveService(
                incentive: incentive,
                source: UpstreamEntitlementSource(
                    assessment: try self.client("assessment", self.assessment, certificates, logger),
                    registry: try self.client("registry", self.registry, certificates, logger)
                )
            )
            policy = IncentiveAccess.policy
        default:
            throw ValidationError("--service must be incentive, assessment or registry")
        }
        let server = try WindMakerServer(
            name: self.service,
            services: [service],
            policy: policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: .server(
                certificateChainPath: "\(self.certs)/\(self.service).pem",
                privateKeyPath: "\(self.certs)/\(self.service).key",
                trustRootsPath: certificates.caPath
            ),
            identity: "spiffe://windmaker/service/\(self.service)",
            logger: logger
        )
        guard let port = try await server.bind().port else { throw BenchError("the \(self.service) has no port") }
        StandardInput.exitProcessWhenClosed()
        StandardOutput.writeLine(String(port))
        try await server.run()
    }

    /// A client of `name` on `port`, as this service.
    private func client(
        _ name: String,
        _ port: Int,
        _ certificates: CertificateDirectory,
        _ logger: Logger
    ) throws
        -> RPCClient
    {
        RPCClient(
            transport: RPCConnection(
                host: "127.0.0.1",
                port: port,
                serverName: name,
                security: try TLSChannelSecurity(
                    configuration: .client(
                        certificateChainPath: "\(self.certs)/\(self.service).pem",
                        privateKeyPath: "\(self.certs)/\(self.service).key",
                        trustRootsPath: certificates.caPath,
                        serverName: name
                    ),
                    logger: logger
                ),
                logger: logger
            )
        )
    }
}
