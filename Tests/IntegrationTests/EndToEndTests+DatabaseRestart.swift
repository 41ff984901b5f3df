import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

extension EndToEndTests {
    /// PostgreSQL restarted under a running registry: the calls during the restart are `UNAVAILABLE` (nothing
    /// half-written), and once it is back the registry carries on by itself with everything it acknowledged.
    @Test func theServicesCarryOnAfterPostgreSQLRestarts() async throws {
        let server = try await RegistryTestServer.start(arguments: ["--store", try PostgresTestCluster.freshDatabase()])
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        defer { Task { await portal.test.connection.close() } }
        let before = try #require(try await portal.registry.apply(RegistryRequests.apply(1)).provider)

        try await PostgresTestCluster.restart()

        var after: RegistryV1.Provider?
        try await Self.eventually {
            after = try await portal.registry.apply(RegistryRequests.apply(2)).provider
        }
        #expect(after != nil)
        let operators = try server.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        for provider in [before, try #require(after)] {
            let stored = try await operators.registry.getProvider(
                RegistryV1.GetProviderRequest(providerId: provider.id)
            )
            #expect(stored.provider?.id == provider.id)
        }
        #expect(!server.server.output.contains("fatal") && server.server.isRunning)
    }
}
