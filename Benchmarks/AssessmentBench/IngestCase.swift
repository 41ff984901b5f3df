import AssessmentRPC
import BenchmarkSupport
import Foundation
import Logging
import NIOPosix
import WindMakerAssessment
import WindMakerKit
import WindMakerMessages
import WindMakerPostgres
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceKit
import WindMakerServiceSupport
import WindMakerStorage
import WindMakerTLS
import WindMakerTransport

/// Streams facts to an assessment server in another process (this executable's `serve`, built as the `assessment`
/// executable builds its service) over mutual TLS on loopback, as one client-streaming `Ingest` call of messages of
/// `batch` facts, and measures from the first message to the reply, which the server sends once every fact is
/// durable. The messages are built before the clock starts.
///
/// With `store` (a PostgreSQL URL), `instances` servers run on it, and the messages are dealt out among them, one
/// `Ingest` call per instance, all streaming at once.
struct IngestCase {
    let data: BenchData
    let count: Int
    let batch: Int
    let certificates: CertificateDirectory
    let directory: URL
    var store: String?
    var instances = 1

    func run() async throws -> String {
        let servers = try (0 ..< self.instances).map { _ in
            try ChildServer.start(
                arguments: ["serve", "--certs", self.certificates.path, "--data", self.directory.path]
                    + (self.store.map { ["--store", $0] } ?? []),
                description: "assessment server"
            )
        }
        defer { for server in servers { server.stop() } }
        var messages: [AssessmentV1.IngestRequest] = []
        var start = 0
        while start < self.count {
            let end = min(start + self.batch, self.count)
            messages.append(
                AssessmentV1.IngestRequest(
                    facts: (start ..< end).map { index in
                        let raw = self.data.fact(index)
                        return AssessmentV1.Fact(
                            id: raw.id,
                            subjectKind: raw.kind,
                            subjectId: raw.subject,
                            date: raw.date.wire,
                            metric: raw.metric.rawValue,
                            kind: raw.violation,
                            value: raw.value
                        )
                    }
                )
            )
            start = end
        }
        var logger = Logger(label: "assessment-bench")
        logger.logLevel = .warning
        let connections = try servers.map { server in
            RPCConnection(
                host: "127.0.0.1",
                port: server.port,
                serverName: "assessment",
                security: try TLSChannelSecurity(
                    configuration: .client(
                        certificateChainPath: self.certificates.clientCertificateChainPath,
                        privateKeyPath: self.certificates.clientPrivateKeyPath,
                        trustRootsPath: self.certificates.caPath,
                        serverName: "assessment"
                    ),
                    logger: logger
                ),
                logger: logger
            )
        }
        let shares = connections.indices.map { instance in
            messages.indices.filter { $0 % connections.count == instance }.map { messages[$0] }
        }
        let began = ContinuousClock.now
        let accepted = try await withThrowingTaskGroup(of: Int64.self) { group in
            for (connection, share) in zip(connections, shares) {
                group.addTask {
                    let client = AssessmentV1.Assessment.Client(RPCClient(transport: connection))
                    return try await client.ingest(options: CallOptions(timeout: .seconds(3_600))) { writer in
                        for message in share { try await writer.write(message) }
                    }.accepted
                }
            }
            return try await group.reduce(0, +)
        }
        let seconds = ComputeCase.seconds(ContinuousClock.now - began)
        for connection in connections { await connection.close() }
        return "{\"case\":\"ingest\",\"store\":\"\(self.store == nil ? "sqlite" : "postgres")\","
            + "\"instances\":\(self.instances),\"facts\":\(self.count),\"accepted\":\(accepted),"
            + "\"batch\":\(self.batch),\"seconds\":\(String(format: "%.2f", seconds)),"
            + "\"facts_per_s\":\(String(format: "%.0f", Double(self.count) / seconds))}"
    }
}

/// The server side of the ingest case: the assessment service on a database in `directory` (which the driver
/// removes), port printed on standard output, until standard input closes.
struct BenchServer {
    let certificates: CertificateDirectory
    let directory: String
    /// A PostgreSQL database instead of the directory's SQLite file (schema `assessment`).
    var store: String?

    func run() async throws {
        var logger = Logger(label: "assessment-bench-server")
        logger.logLevel = .warning
        let database: any Database =
            if let store = self.store {
                try PostgresDatabase(url: store, schema: "assessment")
            } else {
                try SQLiteDatabase(path: "\(self.directory)/ingest.sqlite")
            }
        try database.migrate(AssessmentSchema.migrations)
        let assessment = Assessment(database: database)
        let service = AssessmentService(
            assessment: assessment,
            registry: NoRegistry(),
            settings: AssessmentSettings(programStart: try CivilDate("2021-01-01"))
        )
        let server = try WindMakerServer(
            name: "assessment",
            services: [service],
            policy: AssessmentAccess.policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: .server(
                certificateChainPath: "\(self.certificates.path)/assessment.pem",
                privateKeyPath: "\(self.certificates.path)/assessment.key",
                trustRootsPath: self.certificates.caPath
            ),
            identity: "spiffe://windmaker/service/assessment",
            logger: logger
        )
        guard let port = try await server.bind().port else { throw BenchError("the assessment server has no port") }
        StandardInput.exitProcessWhenClosed()
        StandardOutput.writeLine(String(port))
        try await server.run()
    }
}

/// The ingest case needs no registry.
private struct NoRegistry: RegistrySource {
    func activeProviders() async throws -> [PeriodComputation.Provider] { [] }
    func bindings(from first: CivilDate, through last: CivilDate) async throws -> [BindingSpan] { [] }
}
