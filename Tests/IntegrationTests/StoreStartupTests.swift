import Foundation
import Testing
import WindMakerMessages
import WindMakerPostgres
import WindMakerTestSupport

/// The servers on `--store postgres://…`: each creates its schema and serves from it, keeps what it acknowledged
/// across a restart, and refuses a store it cannot use with one line naming it.
@Suite struct StoreStartupTests {
    static let certificates = DevCertificates.shared

    static func identity(_ service: String) -> [String: String] {
        [
            "WM_TLS_CERT": Self.certificates.certificatePath(for: service),
            "WM_TLS_KEY": Self.certificates.keyPath(for: service), "WM_TLS_CA": Self.certificates.caPath,
        ]
    }

    @Test(arguments: ["registry", "assessment", "incentive"])
    func eachServiceMigratesItsSchemaAndReportsSyncedCommits(service: String) async throws {
        let url = try PostgresTestCluster.freshDatabase()
        let server = try await ServerProcess.start(service, certificate: service, arguments: ["--store", url])
        defer { server.kill() }
        try await server.waitForLog("\(service) database open", "storage.synchronous=full", "store=\(url)")
        let tables = try PostgresConnection(url: url).query(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?",
            [.text(service)]
        )
        #expect(try tables[0].value(at: 0, as: Int.self) > 3)
    }

    @Test func acknowledgedWritesAreThereAfterARestart() async throws {
        let url = try PostgresTestCluster.freshDatabase()
        let first = try await RegistryTestServer.start(arguments: ["--store", url])
        let portal = try first.client("provider-portal")
        var ids: [String] = []
        for number in 1 ... 5 {
            ids.append(try #require(try await portal.registry.apply(RegistryRequests.apply(number)).provider).id)
        }
        first.server.kill()
        _ = try await first.server.waitForExit()
        await portal.test.connection.close()
        let second = try await RegistryTestServer.start(arguments: ["--store", url])
        defer { second.stop() }
        let operatorClient = try second.client("operator-alice")
        for id in ids {
            #expect(
                try await operatorClient.registry.getProvider(RegistryV1.GetProviderRequest(providerId: id)).provider?
                    .id == id
            )
        }
    }

    @Test(arguments: [
        ("mysql://wm@db/wm", "neither sqlite:PATH nor postgres://"),
        ("postgres://wm:hunter2@db/wm", "must not hold the password"),
        ("postgres://windmaker@127.0.0.1:1/windmaker", "cannot reach PostgreSQL at 127.0.0.1:1 for the registry store"),
    ])
    func aStoreThatCannotBeUsedIsRefusedWithOneLine(_ store: String, _ expected: String) async throws {
        let started = ContinuousClock.now
        let run = try await CommandRun.run(
            "registry",
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--store", store, "--store-connect-timeout", "2"],
            environment: Self.identity("registry")
        )
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(run.status != 0 && errors.count == 1, "\(run.output)")
        #expect(errors.first?.contains(expected) == true, "\(run.output)")
        #expect(!run.output.contains("hunter2"))
        // The unreachable one was tried for the timeout given, then given up.
        #expect(ContinuousClock.now - started < .seconds(20))
    }

    /// A database that does not exist will not appear by waiting: refused at once with PostgreSQL's reason, not
    /// retried for the connect timeout as an unreachable server is.
    @Test func aDatabaseThatDoesNotExistIsRefusedAtOnce() async throws {
        let cluster = try PostgresTestCluster.url()
        let missing = cluster[..<cluster.lastIndex(of: "/")!] + "/no_such_database"
        let started = ContinuousClock.now
        let run = try await CommandRun.run(
            "registry",
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--store", String(missing)],
            environment: Self.identity("registry")
        )
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(run.status != 0 && errors.count == 1, "\(run.output)")
        #expect(errors.first?.contains("refused the registry store") == true, "\(run.output)")
        #expect(errors.first?.contains("no_such_database") == true, "\(run.output)")
        #expect(ContinuousClock.now - started < .seconds(10))
    }

    @Test(arguments: ["registry", "assessment", "incentive"])
    func aSchemaFromANewerVersionIsRefused(service: String) async throws {
        let url = try PostgresTestCluster.freshDatabase()
        let connection = try PostgresConnection(url: url)
        try connection.executeScript(
            "CREATE SCHEMA \(service); CREATE TABLE \(service).schema_migrations (version BIGINT PRIMARY KEY,"
                + " name TEXT NOT NULL, applied_at_micros BIGINT NOT NULL);"
                + " INSERT INTO \(service).schema_migrations VALUES (999, 'from_the_future', 0)"
        )
        let run = try await CommandRun.run(
            service,
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--store", url],
            environment: Self.identity(service)
        )
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(run.status != 0 && errors.count == 1, "\(run.output)")
        #expect(errors.first?.contains("migration 999") == true && errors.first?.contains("newer") == true)
    }
}
