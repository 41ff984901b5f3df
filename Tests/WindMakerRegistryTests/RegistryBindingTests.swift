import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct RegistryBindingTests {
    @Test func anOverlappingProposalIsRefusedNamingTheActiveBinding() throws {
        let harness = try RegistryHarness()
        let first = try harness.active(1)
        let second = try harness.active(2)
        let existing = try harness.binding(first, "2025-01-01", "2025-06-30")
        let error = #expect(throws: RegistryError.self) { try harness.binding(second, "2025-06-30", nil) }
        guard case .bindingConflict(let id, let provider, _, _, _) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(id == existing.id)
        #expect(provider == first.id)
        #expect(error?.description.contains(existing.id.rawValue) == true)
    }

    @Test func nonOverlappingAndOtherScopeProposalsAreAccepted() throws {
        let harness = try RegistryHarness()
        let first = try harness.active(1)
        let second = try harness.active(2)
        try harness.binding(first, "2025-01-01", "2025-06-30")
        let later = try harness.binding(second, "2025-07-01", nil)
        let otherScope = try harness.binding(second, scope: .advertising, "2025-01-01", nil)
        #expect(later.state == .active)
        #expect(otherScope.state == .active)
    }

    @Test func proposalsOccupyNoDates() throws {
        let harness = try RegistryHarness()
        let first = try harness.active(1)
        let second = try harness.active(2)
        try harness.binding(first, "2025-01-01", "2025-06-30", confirm: false)
        let other = try harness.binding(second, "2025-03-01", "2025-03-31", confirm: false)
        #expect(other.state == .proposed)
    }

    @Test func confirmationChecksConflictsAgain() throws {
        let harness = try RegistryHarness()
        let first = try harness.active(1)
        let second = try harness.active(2)
        let proposedFirst = try harness.binding(first, "2025-01-01", "2025-06-30", confirm: false)
        let proposedSecond = try harness.binding(second, "2025-03-01", nil, confirm: false)
        let confirmed = try harness.registry.confirmBinding(
            proposedSecond.id,
            expectedVersion: proposedSecond.version,
            actor: RegistryHarness.clientActor,
            at: Fixtures.now
        )
        #expect(confirmed.state == .active)
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.confirmBinding(
                proposedFirst.id,
                expectedVersion: proposedFirst.version,
                actor: RegistryHarness.clientActor,
                at: Fixtures.now
            )
        }
        guard case .bindingConflict(let id, _, _, _, _) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(id == proposedSecond.id)
    }

    @Test func confirmingWithAStaleVersionIsAborted() throws {
        let harness = try RegistryHarness()
        let binding = try harness.binding(try harness.active(1), "2025-01-01", nil, confirm: false)
        #expect(throws: RegistryError.staleVersion(expected: 7, actual: binding.version)) {
            try harness.registry.confirmBinding(
                binding.id,
                expectedVersion: 7,
                actor: RegistryHarness.clientActor,
                at: Fixtures.now
            )
        }
    }

    @Test func aSuspendedProviderCannotProposeButKeepsItsBindings() throws {
        let harness = try RegistryHarness()
        let provider = try harness.active(1)
        let binding = try harness.binding(provider, "2025-01-01", nil)
        let suspended = try harness.registry.transition(
            .suspend,
            providerID: provider.id,
            expectedVersion: provider.version,
            reason: "review",
            actor: Fixtures.operatorID,
            at: Fixtures.now
        )
        #expect(throws: RegistryError.providerNotActive(provider.id, status: .suspended)) {
            try harness.binding(suspended, scope: .advertising, "2025-01-01", nil)
        }
        let kept = try harness.registry.listBindings(.provider(provider.id)).items
        #expect(kept == [binding])
        let attribution = try harness.registry.resolveAttribution([
            AttributionQuery(
                client: RegistryHarness.streamer,
                scope: .liveStreamOperation,
                date: Fixtures.date("2025-02-01")
            )
        ])
        #expect(attribution == [Attribution(providerID: provider.id, bindingID: binding.id)])
    }

    @Test func terminationEndsActiveBindingsOnTheTerminationDateAndRejectsProposals() throws {
        let harness = try RegistryHarness()
        let provider = try harness.active(1)
        let active = try harness.binding(provider, "2025-01-01", nil)
        let proposed = try harness.binding(provider, scope: .advertising, "2025-01-01", nil, confirm: false)
        // 2025-06-30T20:00Z is 2025-07-01 04:00 in UTC+8: the termination date is 2025-07-01.
        let at = Timestamp(secondsSinceEpoch: 1_751_313_600)
        _ = try harness.registry.transition(
            .terminate,
            providerID: provider.id,
            expectedVersion: provider.version,
            reason: "left the program",
            actor: Fixtures.operatorID,
            at: at
        )
        let bindings = try harness.registry.listBindings(.provider(provider.id)).items
        let ended = try #require(bindings.first { $0.id == active.id })
        let rejected = try #require(bindings.first { $0.id == proposed.id })
        #expect(ended.state == .ended(on: Fixtures.date("2025-07-01")))
        #expect(rejected.state == .rejected)
        let answers = try harness.registry.resolveAttribution(
            ["2025-07-01", "2025-07-02"].map {
                AttributionQuery(client: RegistryHarness.streamer, scope: .liveStreamOperation, date: Fixtures.date($0))
            }
        )
        #expect(answers == [Attribution(providerID: provider.id, bindingID: active.id), nil])
        // The client is free again from the next day.
        let successor = try harness.active(2)
        #expect(try harness.binding(successor, "2025-07-02", nil).state == .active)
    }

    @Test func endingABindingNeedsAnEndOnOrAfterItsStart() throws {
        let harness = try RegistryHarness()
        let binding = try harness.binding(try harness.active(1), "2025-03-01", nil)
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.endBinding(
                binding.id,
                on: Fixtures.date("2025-02-28"),
                expectedVersion: binding.version,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["end"])
        let ended = try harness.registry.endBinding(
            binding.id,
            on: Fixtures.date("2025-03-01"),
            expectedVersion: binding.version,
            actor: Fixtures.operatorID,
            at: Fixtures.now
        )
        #expect(ended.state == .ended(on: Fixtures.date("2025-03-01")))
    }

    @Test func resolveAttributionAnswersInOrderWithNilOutsideEveryBinding() throws {
        let harness = try RegistryHarness()
        let first = try harness.active(1)
        let second = try harness.active(2)
        let merchant = try ClientRef(kind: .merchant, id: "m_42")
        let spring = try harness.binding(first, "2025-03-01", "2025-05-31")
        let summer = try harness.binding(second, "2025-06-01", "2025-08-31")
        let shop = try harness.binding(second, client: merchant, scope: .storeOperation, "2025-01-01", nil)
        _ = try harness.binding(first, scope: .advertising, "2025-01-01", nil, confirm: false)
        func query(_ client: ClientRef, _ scope: BindingScope, _ date: String) -> AttributionQuery {
            AttributionQuery(client: client, scope: scope, date: Fixtures.date(date))
        }
        let streamer = RegistryHarness.streamer
        let answers = try harness.registry.resolveAttribution([
            query(streamer, .liveStreamOperation, "2025-02-28"),  // before the first start
            query(streamer, .liveStreamOperation, "2025-03-01"),
            query(merchant, .storeOperation, "2030-01-01"),
            query(streamer, .liveStreamOperation, "2025-08-31"),
            query(streamer, .liveStreamOperation, "2025-09-01"),  // after the last end
            query(streamer, .advertising, "2025-03-01"),  // only proposed
            query(streamer, .liveStreamOperation, "2025-05-31"),
            query(merchant, .storeOperation, "2024-12-31"),
        ])
        #expect(
            answers == [
                nil,
                Attribution(providerID: first.id, bindingID: spring.id),
                Attribution(providerID: second.id, bindingID: shop.id),
                Attribution(providerID: second.id, bindingID: summer.id),
                nil,
                nil,
                Attribution(providerID: first.id, bindingID: spring.id),
                nil,
            ]
        )
        #expect(try harness.registry.resolveAttribution([]) == [])
    }

    @Test func listBindingsByClientAndDatePagesInIDOrder() throws {
        let harness = try RegistryHarness()
        let provider = try harness.active(1)
        for scope in BindingScope.allCases { try harness.binding(provider, scope: scope, "2025-01-01", "2025-12-31") }
        let client = BindingSubject.client(RegistryHarness.streamer)
        let first = try harness.registry.listBindings(
            client,
            on: Fixtures.date("2025-06-01"),
            page: PageRequest(size: 3)
        )
        let token = try #require(first.nextPageToken)
        let second = try harness.registry.listBindings(
            client,
            on: Fixtures.date("2025-06-01"),
            page: PageRequest(size: 3, token: token)
        )
        let ids = (first.items + second.items).map(\.id)
        #expect(ids.count == 4)
        #expect(ids == ids.sorted())
        #expect(second.nextPageToken == nil)
        #expect(try harness.registry.listBindings(client, on: Fixtures.date("2026-01-01")).items.isEmpty)
        #expect(throws: RegistryError.self) {
            try harness.registry.listBindings(client, page: PageRequest(size: 3, token: token))
        }
    }

    @Test func onADateOnlyBindingsInForceAreListed() throws {
        let harness = try RegistryHarness()
        let provider = try harness.active(1)
        let confirmed = try harness.binding(provider, scope: .advertising, "2025-01-01", "2025-12-31")
        try harness.binding(provider, scope: .supplyChain, "2025-01-01", "2025-12-31", confirm: false)
        let listed = try harness.registry.listBindings(.provider(provider.id), on: Fixtures.date("2025-06-01")).items
        #expect(listed.map(\.id) == [confirmed.id], "a proposed binding is not in force")
        #expect(try harness.registry.listBindings(.provider(provider.id)).items.count == 2)
    }
}
