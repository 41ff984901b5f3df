import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

extension EndToEndTests {
    /// Two instances of every service on one PostgreSQL: `kill -9` one of each after the period is final; the clients
    /// (the test's, wmctl's and the services' own) fail over to the others, the period is paid to the fen once, the
    /// ledger reconciles, and everything acknowledged before the kill is still there.
    @Test func killingOneInstanceOfEveryServiceMidFlowLosesNothing() async throws {
        let stack = try await IncentiveTestStack.scaled(store: try PostgresTestCluster.freshDatabase())
        defer { stack.stop() }
        let period = try await Self.finalPeriod(stack)
        let operators = try stack.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        _ = try await operators.incentive.getBudget(IncentiveV1.ProgramRequest(programId: Self.program))

        for server in [
            stack.incentive.server, stack.assessmentStack.assessment.server, stack.assessmentStack.registry.server,
        ] {
            server.kill()
            _ = try await server.waitForExit()
        }

        // Computing calls the surviving incentive instance, which reads the surviving assessment and registry.
        var batch: IncentiveV1.Batch?
        try await operators.incentive.compute(IncentiveV1.PeriodRequest(programId: Self.program, period: "2021-09")) {
            for try await step in $0 where step.batch != nil { batch = step.batch }
        }
        let proposed = try #require(batch)
        #expect(proposed.totals?.lines == 3)
        let approve = try await Self.wmctl(stack, "finance-bob", ["incentive", "approve", proposed.id])
        #expect(approve.status == 0, "\(approve.output)")
        let post = try await Self.wmctl(
            stack,
            "finance-carol",
            ["incentive", "post", proposed.id, "--idempotency-key", "p"]
        )
        #expect(post.status == 0, "\(post.output)")
        let retry = try await Self.wmctl(
            stack,
            "finance-carol",
            ["incentive", "post", proposed.id, "--idempotency-key", "p"]
        )
        #expect(retry.status == 0, "\(retry.output)")

        let lines = try await operators.incentive.getBatch(IncentiveV1.GetBatchRequest(batchId: proposed.id)).lines
        var cash: Int64 = 0
        for (provider, (card, gmv)) in zip(period.providers, zip(period.scorecards, Self.gmv)) {
            let expected = Self.expected(card, gmv: gmv.fen)
            let line = try #require(lines.first { $0.providerId == provider })
            #expect(line.status == "PAID" && line.payoutFen == expected.cash)
            cash += expected.cash
        }
        let budget = try await operators.incentive.getBudget(IncentiveV1.ProgramRequest(programId: Self.program))
        #expect(budget.budget?.cash?.posted == cash && budget.budget?.cash?.reserved == 0)
        #expect(budget.budget?.cash?.funded == Self.fundedCash)
        let reconcile = try await Self.wmctl(stack, "operator-alice", ["incentive", "reconcile"])
        #expect(reconcile.status == 0, "\(reconcile.output)")

        // What the killed instances acknowledged is all there: the providers and their bindings, the scorecards.
        let registry = try stack.assessmentStack.registryClient("operator-alice")
        defer { Task { await registry.test.connection.close() } }
        let assessment = try stack.assessmentStack.client("operator-alice")
        defer { Task { await assessment.test.connection.close() } }
        for (provider, card) in zip(period.providers, period.scorecards) {
            let stored = try await registry.registry.getProvider(RegistryV1.GetProviderRequest(providerId: provider))
            #expect(stored.provider?.status == .active)
            let scorecard = try await assessment.assessment.getScorecard(
                AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: provider)
            ).scorecard
            #expect(scorecard?.composite == card.composite && scorecard?.revision == card.revision)
        }
    }
}
