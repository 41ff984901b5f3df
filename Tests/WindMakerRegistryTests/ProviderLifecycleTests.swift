import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct ProviderLifecycleTests {
    /// Every (status, action) pair: the status it leads to, or `nil` when it is illegal.
    static let table: [(from: ProviderStatus, action: ProviderAction, to: ProviderStatus?)] = [
        (.applied, .approve, .active),
        (.applied, .reject, .rejected),
        (.applied, .suspend, nil),
        (.applied, .reinstate, nil),
        (.applied, .terminate, nil),
        (.active, .approve, nil),
        (.active, .reject, nil),
        (.active, .suspend, .suspended),
        (.active, .reinstate, nil),
        (.active, .terminate, .terminated),
        (.suspended, .approve, nil),
        (.suspended, .reject, nil),
        (.suspended, .suspend, nil),
        (.suspended, .reinstate, .active),
        (.suspended, .terminate, .terminated),
        (.rejected, .approve, nil),
        (.rejected, .reject, nil),
        (.rejected, .suspend, nil),
        (.rejected, .reinstate, nil),
        (.rejected, .terminate, nil),
        (.terminated, .approve, nil),
        (.terminated, .reject, nil),
        (.terminated, .suspend, nil),
        (.terminated, .reinstate, nil),
        (.terminated, .terminate, nil),
    ]

    @Test func tableCoversEveryPair() {
        let pairs = Set(Self.table.map { "\($0.from)/\($0.action)" })
        #expect(pairs.count == ProviderStatus.allCases.count * ProviderAction.allCases.count)
    }

    @Test(arguments: Self.table)
    func transition(from: ProviderStatus, action: ProviderAction, to: ProviderStatus?) throws {
        var lifecycle = ProviderLifecycle(status: from, reason: "earlier reason")
        let reason = action.requiresReason ? "  documents do not match  " : nil
        if let to {
            let transition = try lifecycle.apply(action, reason: reason)
            #expect(lifecycle.status == to)
            #expect(
                transition == ProviderTransition(action: action, from: from, to: to, reason: reason?.trimmedForTest)
            )
            #expect(lifecycle.reason == (to == .active ? nil : "documents do not match"))
        } else {
            #expect(throws: RegistryError.illegalTransition(from: from, action: action)) {
                try lifecycle.apply(action, reason: reason)
            }
            #expect(lifecycle == ProviderLifecycle(status: from, reason: "earlier reason"), "unchanged")
        }
    }

    @Test func illegalTransitionNamesTheCurrentStatus() {
        var lifecycle = ProviderLifecycle.suspended(reason: "review")
        do {
            try lifecycle.approve()
            Issue.record("approve from SUSPENDED must fail")
        } catch {
            #expect(error.description == "cannot approve a provider that is SUSPENDED")
        }
    }

    @Test(arguments: [ProviderAction.reject, .suspend, .terminate])
    func actionsThatNeedAReasonRefuseNone(action: ProviderAction) {
        for reason in [nil, "", "   \n"] as [String?] {
            var lifecycle = ProviderLifecycle.applied
            #expect(
                throws: RegistryError.invalidArgument([
                    FieldViolation(field: "reason", description: "\(action) requires a reason")
                ])
            ) { try lifecycle.apply(action, reason: reason) }
        }
    }

    @Test(arguments: ProviderAction.allCases)
    func reasonsLongerThan500CharactersAreRefused(action: ProviderAction) throws {
        var lifecycle = ProviderLifecycle.applied
        #expect(
            throws: RegistryError.invalidArgument([
                FieldViolation(field: "reason", description: "must be at most 500 characters, found 501")
            ])
        ) { try lifecycle.apply(action, reason: String(repeating: "理", count: 501)) }
        var active = ProviderLifecycle.active
        if action == .suspend {
            try active.suspend(reason: String(repeating: "理", count: 500))
            #expect(active.status == .suspended)
        }
    }

    @Test func aBadReasonIsReportedBeforeTheIllegalTransition() {
        var lifecycle = ProviderLifecycle.terminated(reason: "gone")
        #expect(
            throws: RegistryError.invalidArgument([
                FieldViolation(field: "reason", description: "suspend requires a reason")
            ])
        ) {
            try lifecycle.apply(.suspend, reason: nil)
        }
    }

    @Test func approveAndReinstateTakeAnOptionalNote() throws {
        var lifecycle = ProviderLifecycle.applied
        let approval = try lifecycle.approve(note: "checked licence")
        #expect(approval.reason == "checked licence")
        try lifecycle.suspend(reason: "complaints")
        let reinstatement = try lifecycle.reinstate()
        #expect(reinstatement.reason == nil)
        #expect(lifecycle == .active)
        try lifecycle.terminate(reason: "left the program")
        #expect(lifecycle == .terminated(reason: "left the program"))
        #expect(lifecycle.status.isFinal)
    }
}

extension String {
    fileprivate var trimmedForTest: String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
