import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Health per service and method listing on the real executable, through the API and through `wmctl`.
@Suite struct DiscoveryTests {
    @Test func healthAnswersPerServiceAndRejectsUnknownServices() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "finance-bob")
        let health = HealthV1.Health.Client(test.client)
        #expect(try await health.check(HealthV1.HealthCheckRequest()).status == .serving)
        #expect(try await health.check(HealthV1.HealthCheckRequest(service: EchoV1.Echo.name)).status == .serving)
        let error = await #expect(throws: RPCError.self) {
            try await health.check(HealthV1.HealthCheckRequest(service: "windmaker.nope.v1.Nope"))
        }
        #expect(error?.code == .notFound)
        await test.connection.close()
    }

    @Test func methodListingNamesEveryMethodWithItsKind() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let test = try TestClient(port: server.port, identity: "provider-portal")
        let methods = try await ReflectionV1.Reflection.Client(test.client).listMethods(.init()).methods
        let kinds = Dictionary(uniqueKeysWithValues: methods.map { ($0.name, $0.kind) })
        #expect(kinds["windmaker.echo.v1.Echo/Unary"] == .unary)
        #expect(kinds["windmaker.echo.v1.Echo/Expand"] == .serverStreaming)
        #expect(kinds["windmaker.echo.v1.Echo/Collect"] == .clientStreaming)
        #expect(kinds["windmaker.health.v1.Health/Check"] == .unary)
        #expect(kinds["windmaker.reflection.v1.Reflection/ListMethods"] == .unary)
        #expect(methods.count == 6)
        await test.connection.close()
    }

    @Test func wmctlReportsHealthAndMethods() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let health = try await CommandRun.wmctl(
            ["health", "--server", "127.0.0.1:\(server.port)"],
            as: "operator-alice"
        )
        #expect(health.status == 0)
        #expect(health.output.contains("SERVING"))

        let methods = try await CommandRun.wmctl(
            ["methods", "--server", "127.0.0.1:\(server.port)", "--json"],
            as: "operator-alice"
        )
        #expect(methods.status == 0)
        let listed = try JSONSerialization.jsonObject(with: Data(methods.output.utf8)) as? [[String: String]]
        #expect(listed?.contains { $0["method"] == "windmaker.echo.v1.Echo/Unary" && $0["kind"] == "unary" } == true)
    }

    @Test func wmctlWithAnUntrustedCertificateFailsClearly() async throws {
        let server = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { server.kill() }
        let run = try await CommandRun.wmctl(
            ["health", "--server", "127.0.0.1:\(server.port)", "--timeout", "3"],
            certificate: DevCertificates.shared.rogueClientCertificatePath,
            key: DevCertificates.shared.rogueClientKeyPath
        )
        #expect(run.status != 0)
        #expect(run.output.contains("UNAVAILABLE"))
        #expect(run.output.contains("unknown ca"))
    }
}
