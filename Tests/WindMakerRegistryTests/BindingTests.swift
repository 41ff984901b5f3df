import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct BindingTests {
    static let streamer = try! ClientRef(kind: .streamer, id: "u_1001")
    static let merchant = try! ClientRef(kind: .merchant, id: "u_1001")

    static func binding(
        seed: UInt64,
        client: ClientRef = Self.streamer,
        scope: BindingScope = .liveStreamOperation,
        range: DateRange,
        state: Binding.State
    ) -> Binding {
        var generator = SeededGenerator(seed: seed)
        return Binding(
            id: .random(using: &generator),
            providerID: .random(using: &generator),
            client: client,
            scope: scope,
            range: range,
            state: state,
            proposedBy: Fixtures.portalID
        )
    }

    static let proposal = Self.binding(seed: 100, range: Fixtures.range("2025-03-01", "2025-05-31"), state: .proposed)

    static let cases: [(name: String, existing: Binding, conflicts: Bool)] = [
        (
            "active, overlapping", binding(seed: 1, range: Fixtures.range("2025-01-01", "2025-03-01"), state: .active),
            true
        ),
        (
            "active, open-ended from before",
            binding(seed: 2, range: Fixtures.range("2024-01-01", nil), state: .active), true
        ),
        (
            "active, ends the day before",
            binding(seed: 3, range: Fixtures.range("2025-01-01", "2025-02-28"), state: .active), false
        ),
        (
            "active, starts the day after", binding(seed: 4, range: Fixtures.range("2025-06-01", nil), state: .active),
            false
        ),
        (
            "active, other scope",
            binding(seed: 5, scope: .advertising, range: Fixtures.range("2025-01-01", nil), state: .active), false
        ),
        (
            "active, other client kind",
            binding(seed: 6, client: merchant, range: Fixtures.range("2025-01-01", nil), state: .active), false
        ),
        ("proposed, overlapping", binding(seed: 7, range: Fixtures.range("2025-01-01", nil), state: .proposed), false),
        ("rejected, overlapping", binding(seed: 8, range: Fixtures.range("2025-01-01", nil), state: .rejected), false),
        (
            "ended before the proposal",
            binding(seed: 9, range: Fixtures.range("2025-01-01", nil), state: .ended(on: Fixtures.date("2025-02-28"))),
            false
        ),
        (
            "ended inside the proposal",
            binding(seed: 10, range: Fixtures.range("2025-01-01", nil), state: .ended(on: Fixtures.date("2025-03-01"))),
            true
        ),
        (
            "ended before it started",
            binding(seed: 11, range: Fixtures.range("2025-04-01", nil), state: .ended(on: Fixtures.date("2025-03-15"))),
            false
        ),
    ]

    @Test(arguments: Self.cases)
    func conflicts(name: String, existing: Binding, conflicts: Bool) {
        #expect((Self.proposal.conflict(among: [existing]) == existing) == conflicts, "\(name)")
        if conflicts {
            #expect(
                throws: RegistryError.bindingConflict(
                    existing: existing.id,
                    provider: existing.providerID,
                    client: existing.client,
                    scope: existing.scope,
                    range: existing.occupiedRange!
                )
            ) { try Self.proposal.checkNoConflict(among: [existing]) }
        } else {
            #expect(throws: Never.self) { try Self.proposal.checkNoConflict(among: [existing]) }
        }
    }

    @Test func aBindingDoesNotConflictWithItself() {
        var active = Self.proposal
        active.state = .active
        #expect(active.conflict(among: [active]) == nil)
    }

    @Test func lifecycle() throws {
        var binding = Self.proposal
        try binding.confirm(by: Fixtures.operatorID)
        #expect(binding.state == .active && binding.confirmedBy == Fixtures.operatorID && binding.version == 2)
        #expect(binding.occupiedRange == binding.range)
        try binding.end(on: Fixtures.date("2025-04-15"))
        #expect(binding.state == .ended(on: Fixtures.date("2025-04-15")))
        #expect(binding.occupiedRange == Fixtures.range("2025-03-01", "2025-04-15"))
        #expect(binding.version == 3)
    }

    @Test(arguments: [
        (Binding.State.active, BindingAction.confirm),
        (.active, .reject),
        (.rejected, .confirm),
        (.rejected, .end),
        (.proposed, .end),
        (.ended(on: Fixtures.date("2025-04-01")), .end),
        (.ended(on: Fixtures.date("2025-04-01")), .confirm),
    ])
    func illegalTransitions(state: Binding.State, action: BindingAction) {
        var binding = Self.proposal
        binding.state = state
        let before = binding
        #expect(throws: RegistryError.illegalBindingTransition(binding.id, from: state, action: action)) {
            switch action {
            case .confirm: try binding.confirm(by: Fixtures.operatorID)
            case .reject: try binding.reject(by: Fixtures.operatorID)
            case .end: try binding.end(on: Fixtures.date("2025-04-30"))
            }
        }
        #expect(binding == before)
    }
}
