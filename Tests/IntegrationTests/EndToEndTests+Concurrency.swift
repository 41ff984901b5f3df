import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

extension EndToEndTests {
    /// Sixteen clients, eight on each incentive instance, fire the same approval, the same keyed post and the same
    /// keyed top-up at once: one approval wins and the rest are refused, every post and top-up answers the one
    /// outcome, and the budget and the ledger show each exactly once.
    @Test func sixteenClientsOnTwoInstancesChangeEachThingOnce() async throws {
        let stack = try await IncentiveTestStack.scaled(store: try PostgresTestCluster.freshDatabase())
        defer { stack.stop() }
        let period = try await Self.finalPeriod(stack)
        let operators = try stack.client("operator-alice")
        defer { Task { await operators.test.connection.close() } }
        var batch: IncentiveV1.Batch?
        try await operators.incentive.compute(IncentiveV1.PeriodRequest(programId: Self.program, period: "2021-09")) {
            for try await step in $0 where step.batch != nil { batch = step.batch }
        }
        let id = try #require(batch).id
        let ports = stack.incentivePorts
        func clients(_ identity: String) throws -> [TestClient] {
            try (0 ..< 16).map { try TestClient(port: ports[$0 % 2], identity: identity) }
        }
        let approvers = try clients("finance-bob")
        let posters = try clients("finance-carol")
        let funders = try clients("operator-alice")
        defer { Task { for client in approvers + posters + funders { await client.connection.close() } } }

        let approvals = await withTaskGroup(of: RPCError?.self) { group in
            for (index, client) in approvers.enumerated() {
                group.addTask {
                    await rpcStatus {
                        try await IncentiveV1.Incentive.Client(client.client).approveBatch(
                            IncentiveV1.BatchRequest(batchId: id),
                            options: IncentiveTestStack.keyed("approve-\(index)")
                        )
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(approvals.filter { $0 == nil }.count == 1, "\(approvals)")
        #expect(approvals.compactMap { $0 }.allSatisfy { $0.code == .failedPrecondition })

        let posts = await withTaskGroup(of: String?.self) { group in
            for client in posters {
                group.addTask {
                    try? await IncentiveV1.Incentive.Client(client.client).postBatch(
                        IncentiveV1.BatchRequest(batchId: id),
                        options: IncentiveTestStack.keyed("post-once")
                    ).batch?.state
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(posts == Array(repeating: "POSTED", count: 16))

        let topUps = await withTaskGroup(of: RPCError?.self) { group in
            for client in funders {
                group.addTask {
                    await rpcStatus {
                        try await IncentiveV1.Incentive.Client(client.client).fundProgram(
                            IncentiveV1.FundProgramRequest(programId: Self.program, cashFen: 1_000),
                            options: IncentiveTestStack.keyed("top-up")
                        )
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        #expect(topUps.allSatisfy { $0 == nil }, "\(topUps)")

        let cash = zip(period.scorecards, Self.gmv).reduce(Int64(0)) { $0 + Self.expected($1.0, gmv: $1.1.fen).cash }
        let budget = try await operators.incentive.getBudget(IncentiveV1.ProgramRequest(programId: Self.program))
        #expect(budget.budget?.cash?.funded == Self.fundedCash + 1_000)
        #expect(budget.budget?.cash?.posted == cash && budget.budget?.cash?.reserved == 0)
        let report = try await operators.incentive.reconcile(IncentiveV1.ReconcileRequest())
        #expect(report.violations.isEmpty)
    }
}
