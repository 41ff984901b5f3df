import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// A reply means the change is on disk: SIGKILL right after acknowledged writes loses none of them.
@Suite struct RegistryDurabilityTests {
    @Test func acknowledgedApplicationsSurviveSIGKILL() async throws {
        let first = try await RegistryTestServer.start()
        let portal = try first.client("provider-portal")
        var ids: [String] = []
        for number in 1 ... 20 {
            let provider = try #require(try await portal.registry.apply(RegistryRequests.apply(number)).provider)
            ids.append(provider.id)
        }
        first.server.kill()
        _ = try await first.server.waitForExit()
        await portal.test.connection.close()

        let second = try await RegistryTestServer.start(dataDirectory: first.dataDirectory)
        defer { second.stop() }
        let operators = try second.client("operator-alice")
        for id in ids {
            let provider = try await operators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: id))
            #expect(provider.provider?.id == id)
        }
        let listed = try await operators.registry.listProviders(
            RegistryV1.ListProvidersRequest(page: CommonV1.PageRequest(pageSize: 100))
        )
        #expect(Set(listed.providers.map(\.id)) == Set(ids))
        await operators.test.connection.close()
    }

    @Test func sigtermDrainsAndExitsCleanly() async throws {
        let first = try await RegistryTestServer.start()
        let portal = try first.client("provider-portal")
        let provider = try #require(try await portal.registry.apply(RegistryRequests.apply(1)).provider)
        first.server.terminate()
        #expect(try await first.server.waitForExit() == 0)
        await portal.test.connection.close()

        let second = try await RegistryTestServer.start(dataDirectory: first.dataDirectory)
        defer { second.stop() }
        let operators = try second.client("operator-alice")
        let found = try await operators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: provider.id))
        #expect(found.provider == provider)
        await operators.test.connection.close()
    }
}
