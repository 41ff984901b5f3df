import Testing
import WindMakerKit
import WindMakerRegistry

/// Refusals the other suites do not reach: unknown bindings, providers that may not take bindings, and page tokens
/// carried from one list to another.
@Suite struct RegistryRefusalTests {
    static func error(_ body: () throws -> Void) -> RegistryError? {
        do {
            try body()
            return nil
        } catch {
            return error as? RegistryError
        }
    }

    @Test func unknownBindingsAreNotFound() throws {
        let harness = try RegistryHarness()
        let unknown = BindingID.random()
        let confirm = Self.error {
            _ = try harness.registry.confirmBinding(
                unknown,
                expectedVersion: 1,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        let end = Self.error {
            _ = try harness.registry.endBinding(
                unknown,
                on: Fixtures.date("2025-01-01"),
                expectedVersion: 1,
                actor: Fixtures.operatorID,
                at: Fixtures.now
            )
        }
        for error in [confirm, end] {
            guard case .notFound(_, let id)? = error else {
                Issue.record("expected notFound, got \(String(describing: error))")
                continue
            }
            #expect(id == unknown.rawValue)
        }
    }

    @Test(arguments: [ProviderAction.reject, .terminate])
    func onlyActiveProvidersTakeNewBindings(action: ProviderAction) throws {
        let harness = try RegistryHarness()
        var provider = try harness.applied(1)
        if action == .terminate { provider = try harness.active(2) }
        let appliedError = Self.error { try harness.binding(provider, "2025-01-01", nil, confirm: false) }
        if action == .reject {
            guard case .providerNotActive(_, .applied)? = appliedError else {
                Issue.record("an applied provider proposed a binding: \(String(describing: appliedError))")
                return
            }
        }
        let ended = try harness.registry.transition(
            action,
            providerID: provider.id,
            expectedVersion: provider.version,
            reason: "test",
            actor: Fixtures.operatorID,
            at: Fixtures.now
        )
        let error = Self.error { try harness.binding(ended, "2025-01-01", nil, confirm: false) }
        guard case .providerNotActive(_, let status)? = error else {
            Issue.record("a \(ended.status) provider proposed a binding: \(String(describing: error))")
            return
        }
        #expect(status == ended.status)
    }

    @Test func aBindingsPageTokenIsRefusedByTheProviderList() throws {
        let harness = try RegistryHarness()
        let provider = try harness.active(1)
        for scope in BindingScope.allCases { try harness.binding(provider, scope: scope, "2025-01-01", nil) }
        let page = try harness.registry.listBindings(.provider(provider.id), page: PageRequest(size: 1))
        let token = try #require(page.nextPageToken)
        let error = Self.error { _ = try harness.registry.listProviders(page: PageRequest(size: 1, token: token)) }
        guard case .invalidArgument(let violations)? = error else {
            Issue.record("expected invalidArgument, got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field).contains { $0.contains("page_token") })
    }
}
