import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Bindings and attribution through the real `registry` executable.
@Suite struct RegistryBindingCallTests {
    @Test func confirmedBindingAttributesTheClientToItsProvider() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        let operators = try server.client("operator-alice")
        let assessment = try server.client("assessment")

        let applied = try #require(try await portal.registry.apply(RegistryRequests.apply(1)).provider)
        _ = try await operators.registry.approve(
            RegistryV1.TransitionRequest(providerId: applied.id, expectedVersion: applied.version)
        )
        let client = RegistryV1.ClientRef(kind: .streamer, id: "streamer-42")
        let proposed = try #require(
            try await portal.registry.proposeBinding(
                RegistryV1.ProposeBindingRequest(
                    providerId: applied.id,
                    client: client,
                    scope: .liveStreamOperation,
                    start: CommonV1.Date(year: 2025, month: 7, day: 1),
                    end: CommonV1.Date(year: 2025, month: 12, day: 31)
                )
            ).binding
        )
        #expect(proposed.state == .proposed)
        let confirmed = try await operators.registry.confirmBinding(
            RegistryV1.ConfirmBindingRequest(bindingId: proposed.id, expectedVersion: proposed.version)
        )
        #expect(confirmed.binding?.state == .active)

        let query = { (month: Int32) in
            RegistryV1.AttributionQuery(
                client: client,
                scope: .liveStreamOperation,
                date: CommonV1.Date(year: 2025, month: month, day: 15)
            )
        }
        let resolved = try await assessment.registry.resolveAttribution(
            RegistryV1.ResolveAttributionRequest(queries: [query(8), query(6)])
        )
        #expect(resolved.attributions.map(\.providerId) == [applied.id, ""])
        #expect(resolved.attributions.first?.bindingId == proposed.id)

        let tooMany = await rpcStatus {
            try await assessment.registry.resolveAttribution(
                RegistryV1.ResolveAttributionRequest(queries: Array(repeating: query(8), count: 10_001))
            )
        }
        #expect(tooMany?.code == .invalidArgument)
        #expect(tooMany?.message.contains("queries") == true)
        await portal.test.connection.close()
        await operators.test.connection.close()
        await assessment.test.connection.close()
    }
}
