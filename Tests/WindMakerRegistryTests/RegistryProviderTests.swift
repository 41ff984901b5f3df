import Testing
import WindMakerKit
import WindMakerRegistry
import WindMakerStorage

@Suite struct RegistryProviderTests {
    @Test func applyCreatesAnAppliedProviderWithItsProfile() throws {
        let harness = try RegistryHarness()
        let provider = try harness.applied(1)
        #expect(provider.status == .applied)
        #expect(provider.version == Provider.initialVersion)
        #expect(provider.profile.displayName == "Provider 1")
        let stored = try harness.registry.provider(provider.id)
        #expect(stored == provider)
        #expect(stored.profile.categories == ["apparel", "tea"])
        #expect(stored.profile.capabilities.supplyChain == Capability(summary: "tea from Wuyi", selfRating: 85))
        #expect(stored.profile.region == (try Region("350100")))
    }

    @Test func applyRefusesAnInvalidApplicationNamingEveryField() throws {
        let harness = try RegistryHarness()
        var application = RegistryHarness.application(1)
        application.creditCode = "91350100M000100Y44"
        application.displayName = "  "
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.apply(application, actor: Fixtures.portalID, at: Fixtures.now)
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("expected invalidArgument, got \(String(describing: error))")
            return
        }
        #expect(Set(violations.map(\.field)) == ["display_name", "credit_code"])
        #expect(try harness.rowCounts()["providers"] == 0)
    }

    @Test func applyRefusesADuplicateCreditCodeNamingTheExistingProvider() throws {
        let harness = try RegistryHarness()
        let first = try harness.applied(1)
        var again = RegistryHarness.application(1, type: .brand, region: nil)
        again.creditCode = again.creditCode.lowercased()
        #expect(throws: RegistryError.alreadyExists(creditCode: first.profile.creditCode, existing: first.id)) {
            try harness.registry.apply(again, actor: Fixtures.portalID, at: Fixtures.now)
        }
    }

    @Test func strategicApplicationsAreSentToTheInvitation() throws {
        let harness = try RegistryHarness()
        let error = #expect(throws: RegistryError.invitationRequired(.missing)) {
            try harness.applied(1, type: .strategic)
        }
        #expect(error?.description.contains("invitation") == true)
        #expect(try harness.rowCounts()["providers"] == 0)
    }

    @Test func unknownProviderIsNotFound() throws {
        let harness = try RegistryHarness()
        let id = ProviderID.random()
        #expect(throws: RegistryError.notFound(.provider, id: id.rawValue)) { try harness.registry.provider(id) }
        #expect(throws: RegistryError.notFound(.provider, id: id.rawValue)) { try harness.registry.history(of: id) }
    }

    static let legalPaths: [(actions: [ProviderAction], status: ProviderStatus)] = [
        ([.approve], .active),
        ([.reject], .rejected),
        ([.approve, .suspend], .suspended),
        ([.approve, .suspend, .reinstate], .active),
        ([.approve, .terminate], .terminated),
        ([.approve, .suspend, .terminate], .terminated),
    ]

    @Test(arguments: Self.legalPaths)
    func everyLegalTransitionIsStoredAndVersioned(actions: [ProviderAction], status: ProviderStatus) throws {
        let harness = try RegistryHarness()
        var provider = try harness.applied(1)
        for action in actions {
            provider = try harness.registry.transition(
                action,
                providerID: provider.id,
                expectedVersion: provider.version,
                reason: action.requiresReason ? "because \(action)" : nil,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        #expect(provider.status == status)
        #expect(provider.version == Provider.initialVersion + Int64(actions.count))
        #expect(try harness.registry.provider(provider.id) == provider)
    }

    @Test func aStaleVersionIsAbortedAndChangesNothing() throws {
        let harness = try RegistryHarness()
        let provider = try harness.active(1)
        #expect(throws: RegistryError.staleVersion(expected: 1, actual: 2)) {
            try harness.registry.transition(
                .suspend,
                providerID: provider.id,
                expectedVersion: 1,
                reason: "late",
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        #expect(try harness.registry.provider(provider.id).status == .active)
        #expect(try harness.registry.history(of: provider.id).count == 2)
    }

    @Test func anIllegalTransitionFailsNamingTheCurrentStatus() throws {
        let harness = try RegistryHarness()
        let provider = try harness.applied(1)
        let error = #expect(throws: RegistryError.illegalTransition(from: .applied, action: .suspend)) {
            try harness.registry.transition(
                .suspend,
                providerID: provider.id,
                expectedVersion: provider.version,
                reason: "why",
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        #expect(error?.description.contains("APPLIED") == true)
        #expect(try harness.registry.history(of: provider.id).count == 1)
    }

    @Test func theAuditTrailRecordsActorStatusesAndReasonsInOrder() throws {
        let harness = try RegistryHarness()
        var provider = try harness.applied(1)
        let steps: [(ProviderAction, String?, Int64)] = [
            (.approve, nil, 10), (.suspend, "fraud review", 20), (.reinstate, "cleared", 30),
        ]
        for (action, reason, seconds) in steps {
            provider = try harness.registry.transition(
                action,
                providerID: provider.id,
                expectedVersion: provider.version,
                reason: reason,
                actor: Fixtures.operatorID,
                at: Fixtures.now.adding(seconds: seconds)
            )
        }
        let history = try harness.registry.history(of: provider.id)
        #expect(
            history == [
                AuditEntry(
                    providerID: provider.id,
                    actor: Fixtures.portalID,
                    at: Fixtures.now,
                    from: nil,
                    to: .applied,
                    reason: nil
                ),
                AuditEntry(
                    providerID: provider.id,
                    actor: Fixtures.operatorID,
                    at: Fixtures.now.adding(seconds: 10),
                    from: .applied,
                    to: .active,
                    reason: nil
                ),
                AuditEntry(
                    providerID: provider.id,
                    actor: Fixtures.operatorID,
                    at: Fixtures.now.adding(seconds: 20),
                    from: .active,
                    to: .suspended,
                    reason: "fraud review"
                ),
                AuditEntry(
                    providerID: provider.id,
                    actor: Fixtures.operatorID,
                    at: Fixtures.now.adding(seconds: 30),
                    from: .suspended,
                    to: .active,
                    reason: "cleared"
                ),
            ]
        )
    }
}
