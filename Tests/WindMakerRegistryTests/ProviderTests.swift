import Testing
import WindMakerRegistry

@Suite struct ProviderTests {
    @Test func newProvidersStartAppliedOrActiveWhenInvited() throws {
        let profile = try Fixtures.application().validated()
        let applied = Provider(id: .random(), profile: profile, at: Fixtures.now)
        #expect(applied.status == .applied)
        #expect(applied.version == Provider.initialVersion)
        #expect(applied.createdAt == Fixtures.now && applied.updatedAt == Fixtures.now)
        let entry = applied.creationAuditEntry(by: Fixtures.portalID)
        #expect(entry.from == nil && entry.to == .applied && entry.actor == Fixtures.portalID)

        let strategic = try Fixtures.application(type: .strategic).validated()
        #expect(Provider(id: .random(), profile: strategic, invited: true, at: Fixtures.now).status == .active)
    }

    @Test func performBumpsVersionAndReturnsTheAuditEntry() throws {
        var provider = try Fixtures.provider(.active)
        let later = Fixtures.now.adding(seconds: 30)
        let entry = try provider.perform(
            .suspend,
            reason: "counterfeit goods report",
            expectedVersion: 3,
            by: Fixtures.operatorID,
            at: later
        )
        #expect(provider.status == .suspended)
        #expect(provider.version == 4)
        #expect(provider.updatedAt == later)
        #expect(
            entry
                == AuditEntry(
                    providerID: provider.id,
                    actor: Fixtures.operatorID,
                    at: later,
                    from: .active,
                    to: .suspended,
                    reason: "counterfeit goods report"
                )
        )
    }

    @Test func staleVersionIsRefusedAndChangesNothing() throws {
        var provider = try Fixtures.provider(.active)
        let before = provider
        #expect(throws: RegistryError.staleVersion(expected: 2, actual: 3)) {
            try provider.perform(.suspend, reason: "r", expectedVersion: 2, by: Fixtures.operatorID, at: Fixtures.now)
        }
        #expect(provider == before)
    }

    @Test func illegalTransitionChangesNothing() throws {
        var provider = try Fixtures.provider(.applied)
        let before = provider
        #expect(throws: RegistryError.illegalTransition(from: .applied, action: .reinstate)) {
            try provider.perform(.reinstate, expectedVersion: 3, by: Fixtures.operatorID, at: Fixtures.now)
        }
        #expect(provider == before)
    }

    @Test(arguments: ProviderStatus.allCases)
    func onlyActiveProvidersPassRequireActive(status: ProviderStatus) throws {
        let provider = try Fixtures.provider(ProviderLifecycle(status: status, reason: "r"))
        if status == .active {
            try provider.requireActive()
        } else {
            #expect(throws: RegistryError.providerNotActive(provider.id, status: status)) {
                try provider.requireActive()
            }
        }
    }
}
