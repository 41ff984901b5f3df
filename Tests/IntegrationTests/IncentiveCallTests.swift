import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The incentive service through its real executable, with the real registry and assessment behind it: FINAL
/// scorecards become a proposed batch, approved under the four-eyes rule, posted by the providers' standing in the
/// registry, read back as statements, and reconciled.
@Suite struct IncentiveCallTests {
    @Test func aFinalPeriodIsProposedApprovedPostedAndReconciled() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        let registry = stack.assessmentStack
        let first = try await registry.activeProvider(1, merchant: "m_1")
        let second = try await registry.activeProvider(2, type: .brand, merchant: "m_2")
        let third = try await registry.activeProvider(3, merchant: "m_3")
        try await stack.program()
        let bob = try stack.client("finance-bob")
        let carol = try stack.client("finance-carol")
        let operators = try stack.client("operator-alice")

        // Not FINAL yet: nothing is computed.
        let early = await rpcStatus {
            try await bob.incentive.compute(IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09")) {
                for try await _ in $0 {}
            }
        }
        #expect(early?.code == .failedPrecondition)

        try await stack.finalSeptember([("m_1", 300_000_000_000), ("m_2", 50_000_000_000), ("m_3", 10_000_000)])
        var progress: [IncentiveV1.ComputeProgress] = []
        try await bob.incentive.compute(IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09")) {
            for try await message in $0 { progress.append(message) }
        }
        let batch = try #require(progress.last?.batch)
        #expect(progress.map(\.stage) == ["scorecards", "registry", "batch"])
        #expect(batch.state == "PROPOSED" && batch.totals?.lines == 3 && (batch.totals?.cashFen ?? 0) > 0)

        let own = await rpcStatus { try await bob.incentive.approveBatch(IncentiveV1.BatchRequest(batchId: batch.id)) }
        #expect(own?.code == .permissionDenied && own?.message.contains("four-eyes") == true)
        let byOperator = await rpcStatus {
            try await operators.incentive.approveBatch(IncentiveV1.BatchRequest(batchId: batch.id))
        }
        #expect(byOperator?.code == .permissionDenied)
        _ = try await carol.incentive.approveBatch(IncentiveV1.BatchRequest(batchId: batch.id))

        // Suspended before payout: held; reinstated: released by posting again.
        let registryOperators = try registry.registry.client("operator-alice")
        let provider = try #require(
            try await registryOperators.registry.getProvider(RegistryV1.GetProviderRequest(providerId: third)).provider
        )
        let suspended = try await registryOperators.registry.suspend(
            RegistryV1.TransitionRequest(providerId: third, expectedVersion: provider.version, reason: "review")
        )
        let posted = try await carol.incentive.postBatch(IncentiveV1.BatchRequest(batchId: batch.id))
        #expect(posted.batch?.state == "POSTED")
        let lines = try await operators.incentive.getBatch(IncentiveV1.GetBatchRequest(batchId: batch.id)).lines
        #expect(
            Dictionary(uniqueKeysWithValues: lines.map { ($0.providerId, $0.status) }) == [
                first: "PAID", second: "PAID", third: "HELD",
            ]
        )
        _ = try await registryOperators.registry.reinstate(
            RegistryV1.TransitionRequest(
                providerId: third,
                expectedVersion: suspended.provider?.version ?? 0,
                reason: "cleared"
            )
        )
        _ = try await carol.incentive.postBatch(IncentiveV1.BatchRequest(batchId: batch.id))
        let again = await rpcStatus { try await carol.incentive.postBatch(IncentiveV1.BatchRequest(batchId: batch.id)) }
        #expect(again?.code == .failedPrecondition)

        let ownStatement = try stack.incentive.client(try DevCertificates.shared.provider(first))
        let statement = try await IncentiveV1.Incentive.Client(ownStatement.client).getStatement(
            IncentiveV1.StatementRequest(programId: "wm-2021h2", period: "2021-09", providerId: first)
        )
        #expect(statement.paidFen > 0 && statement.entries.first?.line?.inputDigest.count == 64)
        let others = await rpcStatus {
            try await IncentiveV1.Incentive.Client(ownStatement.client).getStatement(
                IncentiveV1.StatementRequest(programId: "wm-2021h2", period: "2021-09", providerId: second)
            )
        }
        #expect(others?.code == .permissionDenied)

        let budget = try await operators.incentive.getBudget(IncentiveV1.ProgramRequest(programId: "wm-2021h2"))
        #expect(budget.budget?.cash?.reserved == 0 && budget.budget?.cash?.posted == batch.totals?.cashFen)
        let report = try await operators.incentive.reconcile(IncentiveV1.ReconcileRequest())
        #expect(report.violations.isEmpty && report.postedFen != "0")
        for client in [bob, carol, operators] { await client.test.connection.close() }
        await ownStatement.connection.close()
        await registryOperators.test.connection.close()
    }

    @Test func sixteenClientsApprovingAndPostingTheSameBatchTakeEffectOnce() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        _ = try await stack.assessmentStack.activeProvider(1, merchant: "m_1")
        _ = try await stack.assessmentStack.activeProvider(2, type: .brand, merchant: "m_2")
        try await stack.program()
        try await stack.finalSeptember([("m_1", 300_000_000), ("m_2", 50_000_000)])
        let bob = try stack.client("finance-bob")
        var batchID = ""
        try await bob.incentive.compute(IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09")) {
            for try await message in $0 { batchID = message.batch?.id ?? batchID }
        }
        var clients: [IncentiveV1.Incentive.Client] = []
        var connections: [TestClient] = []
        for _ in 0 ..< 16 {
            let client = try stack.client("finance-carol")
            clients.append(client.incentive)
            connections.append(client.test)
        }
        let request = IncentiveV1.BatchRequest(batchId: batchID)
        let approvals = await withTaskGroup(of: RPCError.Code.self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    let refused = await rpcStatus {
                        try await client.approveBatch(request, options: IncentiveTestStack.keyed("approve-\(index)"))
                    }
                    return refused?.code ?? .ok
                }
            }
            return await group.reduce(into: [RPCError.Code]()) { $0.append($1) }
        }
        #expect(approvals.filter { $0 == .ok }.count == 1)
        #expect(approvals.filter { $0 != .ok }.allSatisfy { $0 == .failedPrecondition })
        let posts = await withTaskGroup(of: RPCError.Code.self) { group in
            for (index, client) in clients.enumerated() {
                group.addTask {
                    let refused = await rpcStatus {
                        try await client.postBatch(request, options: IncentiveTestStack.keyed("post-\(index)"))
                    }
                    return refused?.code ?? .ok
                }
            }
            return await group.reduce(into: [RPCError.Code]()) { $0.append($1) }
        }
        #expect(posts.filter { $0 == .ok }.count == 1)
        #expect(posts.filter { $0 != .ok }.allSatisfy { $0 == .failedPrecondition })
        let operators = try stack.client("operator-alice")
        let report = try await operators.incentive.reconcile(IncentiveV1.ReconcileRequest())
        let budget = try await operators.incentive.getBudget(IncentiveV1.ProgramRequest(programId: "wm-2021h2"))
        #expect(report.violations.isEmpty && budget.budget?.cash?.reserved == 0)
        let batch = try await operators.incentive.getBatch(IncentiveV1.GetBatchRequest(batchId: batchID)).batch
        #expect(batch?.state == "POSTED" && budget.budget?.cash?.posted == batch?.totals?.cashFen)
        for connection in connections { await connection.connection.close() }
        await bob.test.connection.close()
        await operators.test.connection.close()
    }

    @Test func aLateRevisionIsPaidOrClawedBackThroughAnApprovedAdjustmentBatch() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        let provider = try await stack.assessmentStack.activeProvider(1, merchant: "m_1")
        try await stack.program()
        // ¥10,000,000 of GMV in tier C (50 bp): ¥50,000.00 and 5,000 impressions.
        try await stack.finalSeptember([("m_1", 1_000_000_000)])
        let bob = try stack.client("finance-bob")
        let carol = try stack.client("finance-carol")
        let assessment = try stack.assessmentStack.client("operator-alice")
        func pay() async throws -> IncentiveV1.Batch? {
            var batch: IncentiveV1.Batch?
            try await bob.incentive.compute(IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09")) {
                for try await message in $0 { batch = message.batch ?? batch }
            }
            guard let batch, batch.state == "PROPOSED" else { return batch }
            _ = try await carol.incentive.approveBatch(IncentiveV1.BatchRequest(batchId: batch.id))
            return try await carol.incentive.postBatch(IncentiveV1.BatchRequest(batchId: batch.id)).batch
        }
        func revise(_ dimension: String, _ indicator: String, _ value: Int64) async throws -> String {
            try await assessment.assessment.reviseScorecard(
                AssessmentV1.ReviseScorecardRequest(
                    period: "2021-09",
                    providerId: provider,
                    override: AssessmentV1.IndicatorOverride(
                        dimension: dimension,
                        indicator: indicator,
                        value: value,
                        justification: "review board ruling"
                    )
                )
            ).scorecard?.tier ?? ""
        }
        let paid = try #require(try await pay())
        #expect(paid.kind == "REGULAR" && paid.totals?.cashFen == 5_000_000)

        // Revised up to tier B (100 bp): a top-up of the difference.
        _ = try await revise("traffic", "ad_roi", 1_000_000_000)
        _ = try await revise("incubation", "streamers_incubated", 1_000_000_000)
        #expect(try await revise("live_stream", "live_gmv_per_minute", 1_000_000_000) == "B")
        let topUp = try #require(try await pay())
        #expect(topUp.kind == "ADJUSTMENT" && topUp.sequence == 2 && topUp.state == "POSTED")
        #expect(topUp.totals?.cashFen == 5_000_000 && topUp.totals?.trafficImpressions == 5_000)

        // Revised back down to C: a clawback, owed as a receivable.
        #expect(try await revise("live_stream", "live_gmv_per_minute", 0) == "C")
        let clawback = try #require(try await pay())
        #expect(clawback.kind == "ADJUSTMENT" && clawback.sequence == 3 && clawback.state == "POSTED")
        #expect(clawback.totals?.clawbackFen == 5_000_000 && clawback.totals?.trafficClawbackImpressions == 5_000)

        let operators = try stack.client("operator-alice")
        let statement = try await operators.incentive.getStatement(
            IncentiveV1.StatementRequest(programId: "wm-2021h2", period: "2021-09", providerId: provider)
        )
        #expect(statement.entries.map { $0.line?.scorecardRevision ?? 0 } == [1, 4, 5])
        #expect(statement.paidFen == 10_000_000)
        let budget = try await operators.incentive.getBudget(IncentiveV1.ProgramRequest(programId: "wm-2021h2"))
        #expect(budget.budget?.cash?.posted == 10_000_000 && budget.budget?.cash?.recovered == 5_000_000)
        let report = try await operators.incentive.reconcile(IncentiveV1.ReconcileRequest())
        #expect(report.violations.isEmpty)
        for client in [bob, carol, operators] { await client.test.connection.close() }
        await assessment.test.connection.close()
    }

    @Test func oneRequestIDFollowsACallThroughAllThreeServices() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        _ = try await stack.assessmentStack.activeProvider(1, merchant: "m_1")
        try await stack.program()
        try await stack.finalSeptember([("m_1", 300_000_000)])
        let bob = try stack.client("finance-bob")
        var options = CallOptions()
        options.metadata.set("request-id", "trace-compute-7f3a")
        try await bob.incentive.compute(
            IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09"),
            options: options
        ) { for try await _ in $0 {} }
        for server in [
            stack.incentive.server, stack.assessmentStack.assessment.server, stack.assessmentStack.registry.server,
        ] {
            let lines = server.output.split(separator: "\n").filter { $0.contains("rpc.request_id=trace-compute-7f3a") }
            #expect(!lines.isEmpty, "\(server.output.suffix(2_000))")
        }
        // A call without one gets one, which its nested calls carry too.
        try await bob.incentive.compute(IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09")) {
            for try await _ in $0 {}
        }
        let generated = stack.incentive.server.output.split(separator: "\n")
            .filter { $0.contains("msg=\"call started\"") && $0.contains("Compute") }.last
            .flatMap { $0.split(separator: " ").first { $0.hasPrefix("rpc.request_id=") } }
        let id = try #require(generated).dropFirst("rpc.request_id=".count)
        #expect(id.count == 16 && stack.assessmentStack.assessment.server.output.contains("rpc.request_id=\(id)"))
        await bob.test.connection.close()
    }

    @Test func computingFailsUnavailableWhenTheAssessmentIsDown() async throws {
        let stack = try await IncentiveTestStack.start()
        defer { stack.stop() }
        try await stack.program()
        stack.assessmentStack.assessment.server.kill()
        let operators = try stack.client("operator-alice")
        let refused = await rpcStatus {
            try await operators.incentive.compute(IncentiveV1.PeriodRequest(programId: "wm-2021h2", period: "2021-09"))
            {
                for try await _ in $0 {}
            }
        }
        #expect(refused?.code == .unavailable && refused?.message.contains("assessment") == true)
        await operators.test.connection.close()
    }
}
