import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// `idempotency-key` on mutating calls, through the real `registry` executable.
@Suite struct RegistryIdempotencyCallTests {
    @Test func retryWithTheSameKeyReturnsTheFirstProviderAndCreatesOne() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        let operators = try server.client("operator-alice")
        let options = CallOptions(metadata: [Metadata.Keys.idempotencyKey: "apply-1"])

        let first = try await portal.registry.apply(RegistryRequests.apply(1), options: options)
        let retry = try await portal.registry.apply(RegistryRequests.apply(1), options: options)
        #expect(first.provider?.id.isEmpty == false)
        #expect(retry == first)

        let listed = try await operators.registry.listProviders(RegistryV1.ListProvidersRequest())
        #expect(listed.providers.map(\.id) == [first.provider?.id])

        let reused = await rpcStatus { try await portal.registry.apply(RegistryRequests.apply(2), options: options) }
        #expect(reused?.code == .invalidArgument)
        #expect(reused?.message.contains("idempotency-key") == true)
        await portal.test.connection.close()
        await operators.test.connection.close()
    }
}
