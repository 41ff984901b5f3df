import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Provider lifecycle through the real `registry` executable over mutual TLS.
@Suite struct RegistryLifecycleCallTests {
    @Test func appliedThenApprovedProviderIsActiveWithItsAuditTrail() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        let operators = try server.client("operator-alice")

        let applied = try #require(try await portal.registry.apply(RegistryRequests.apply(1)).provider)
        #expect(applied.status == .applied)
        #expect(applied.id.hasPrefix("prv_"))
        _ = try await operators.registry.approve(
            RegistryV1.TransitionRequest(providerId: applied.id, expectedVersion: applied.version)
        )

        let provider = try #require(
            try await operators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: applied.id)).provider
        )
        #expect(provider.status == .active)
        #expect(provider.profile?.creditCode == RegistryRequests.creditCode(1))
        let history = try await operators.registry.providerHistory(
            RegistryV1.ProviderHistoryRequest(providerId: applied.id)
        )
        #expect(history.entries.map(\.to) == [.applied, .active])
        #expect(history.entries.last?.actor == RegistryTestServer.operatorID)
        #expect(history.entries.first?.actor == "spiffe://windmaker/provider-portal/portal")
        await portal.test.connection.close()
        await operators.test.connection.close()
    }

    @Test func eachRoleCallsOnlyItsMethods() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        let operators = try server.client("operator-alice")

        let operatorApply = await rpcStatus { try await operators.registry.apply(RegistryRequests.apply(1)) }
        #expect(operatorApply?.code == .permissionDenied)
        let applied = try #require(try await portal.registry.apply(RegistryRequests.apply(2)).provider)
        let portalApprove = await rpcStatus {
            try await portal.registry.approve(
                RegistryV1.TransitionRequest(providerId: applied.id, expectedVersion: applied.version)
            )
        }
        #expect(portalApprove?.code == .permissionDenied)
        await portal.test.connection.close()
        await operators.test.connection.close()
    }

    @Test func refusalsCarryTheirStatus() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        let operators = try server.client("operator-alice")

        var bad = RegistryRequests.apply(1)
        let valid = RegistryRequests.creditCode(1)
        bad.profile?.creditCode = valid.dropLast() + (valid.last == "0" ? "1" : "0")
        let invalid = await rpcStatus { try await portal.registry.apply(bad) }
        #expect(invalid?.code == .invalidArgument)
        #expect(invalid?.message.contains("profile.credit_code") == true, "\(String(describing: invalid))")

        let applied = try #require(try await portal.registry.apply(RegistryRequests.apply(1)).provider)
        let duplicate = await rpcStatus { try await portal.registry.apply(RegistryRequests.apply(1)) }
        #expect(duplicate?.code == .alreadyExists)

        let stale = await rpcStatus {
            try await operators.registry.approve(
                RegistryV1.TransitionRequest(providerId: applied.id, expectedVersion: applied.version + 1)
            )
        }
        #expect(stale?.code == .aborted)

        let strategic = await rpcStatus { try await portal.registry.apply(RegistryRequests.apply(2, type: .strategic)) }
        #expect(strategic?.code == .permissionDenied)

        let missingID = await rpcStatus {
            try await operators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: ""))
        }
        #expect(missingID?.code == .invalidArgument)
        #expect(missingID?.message.contains("provider_id") == true)
        let unknown = await rpcStatus {
            try await operators.registry.getProvider(
                RegistryV1.GetProviderRequest(providerId: "prv_aaaaaaaaaaaaaaaa")
            )
        }
        #expect(unknown?.code == .notFound)
        await portal.test.connection.close()
        await operators.test.connection.close()
    }

    @Test func invitedStrategicProviderJoinsActive() async throws {
        let server = try await RegistryTestServer.start()
        defer { server.stop() }
        let portal = try server.client("provider-portal")
        let operators = try server.client("operator-alice")

        let invitation = try #require(
            try await operators.registry.invite(
                RegistryV1.InviteRequest(creditCode: RegistryRequests.creditCode(7), validDays: 30)
            ).invitation
        )
        let redeemed = try await portal.registry.redeemInvitation(
            RegistryV1.RedeemInvitationRequest(
                code: invitation.code,
                profile: RegistryRequests.profile(7, type: .strategic)
            )
        )
        #expect(redeemed.provider?.status == .active)
        #expect(redeemed.provider?.profile?.type == .strategic)
        await portal.test.connection.close()
        await operators.test.connection.close()
    }
}
