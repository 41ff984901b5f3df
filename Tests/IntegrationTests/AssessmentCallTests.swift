import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerStorage
import WindMakerTestSupport

/// The assessment through its real executable, with the real registry behind it, over mutual TLS.
@Suite struct AssessmentCallTests {
    @Test func ingestComputeAndReadScorecardsWithAttributionFromTheRegistry() async throws {
        let stack = try await AssessmentTestStack.start()
        defer { stack.stop() }
        let first = try await stack.activeProvider(1, merchant: "m_1")
        let second = try await stack.activeProvider(2, type: .brand, merchant: "m_2")
        let operators = try stack.client("operator-alice")
        let pipeline = try stack.client("registry")  // any service identity may ingest

        let ingested = try await pipeline.assessment.ingest { writer in
            try await writer.write(
                AssessmentV1.IngestRequest(facts: [
                    AssessmentTestStack.fact("a1", merchant: "m_1", metric: "PAID_GMV", value: 300_000_000),
                    AssessmentTestStack.fact("a2", merchant: "m_1", metric: "ORDERS", value: 2_000),
                    AssessmentTestStack.fact("b1", merchant: "m_2", metric: "PAID_GMV", value: 50_000_000),
                    AssessmentTestStack.fact("x1", merchant: "m_9", metric: "PAID_GMV", value: 7),  // no binding
                ])
            )
            try await writer.write(
                AssessmentV1.IngestRequest(facts: [
                    AssessmentTestStack.fact("a1", merchant: "m_1", metric: "PAID_GMV", value: 300_000_000),
                    AssessmentTestStack.fact("a2", merchant: "m_1", metric: "ORDERS", value: 1),
                    AssessmentTestStack.fact("bad", merchant: "m_1", metric: "PAID_GMV", value: -1),
                ])
            )
        }
        #expect(ingested.accepted == 4 && ingested.duplicate == 1 && ingested.conflict == 1 && ingested.rejected == 1)
        #expect(ingested.problems.map(\.index) == [5, 6])
        #expect(ingested.problems.map(\.kind) == ["CONFLICT", "REJECTED"])

        var progress: [AssessmentV1.ComputeProgress] = []
        try await operators.assessment.compute(AssessmentV1.PeriodRequest(period: "2021-09")) { stream in
            for try await message in stream { progress.append(message) }
        }
        let period = try #require(progress.last?.period)
        #expect(period.state == "COMPUTED")
        #expect(period.summary?.providers == 2)
        #expect(period.summary?.attributedFacts == 3)
        #expect(period.summary?.unattributedFacts == 1)
        #expect(period.summary?.bindings == 8)
        #expect(progress.first?.providersTotal == 2)

        let card = try #require(
            try await operators.assessment.getScorecard(
                AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: first)
            ).scorecard
        )
        #expect(card.totals.first { $0.metric == "PAID_GMV" }?.value == 300_000_000)
        #expect(card.totals.first { $0.metric == "ORDERS" }?.value == 2_000)
        #expect(card.rank == 1 && card.providerType == "LOCAL" && card.inputDigest.count == 64)
        #expect(card.dimensions.count == 5)

        // Recomputing the same inputs gives the same scorecard, digest included.
        try await operators.assessment.compute(AssessmentV1.PeriodRequest(period: "2021-09")) { stream in
            for try await _ in stream {}
        }
        let again = try await operators.assessment.getScorecard(
            AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: first)
        ).scorecard
        #expect(again?.inputDigest == card.inputDigest && again?.composite == card.composite)

        let ranking = try await operators.assessment.listRankings(
            AssessmentV1.ListRankingsRequest(period: "2021-09", providerType: "BRAND")
        )
        #expect(ranking.scorecards.map(\.providerId) == [second])
        await operators.test.connection.close()
        await pipeline.test.connection.close()
    }

    @Test func providersSeeAndAppealOnlyTheirOwnScorecards() async throws {
        let stack = try await AssessmentTestStack.start()
        defer { stack.stop() }
        let first = try await stack.activeProvider(1, merchant: "m_1")
        let second = try await stack.activeProvider(2, merchant: "m_2")
        let operators = try stack.client("operator-alice")
        try await operators.assessment.compute(AssessmentV1.PeriodRequest(period: "2021-09")) { stream in
            for try await _ in stream {}
        }
        _ = try await operators.assessment.publish(AssessmentV1.PeriodRequest(period: "2021-09"))

        let own = try stack.client(try DevCertificates.shared.provider(first))
        let read = try await own.assessment.getScorecard(
            AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: first)
        )
        #expect(read.scorecard?.providerId == first)
        let other = await rpcStatus {
            try await own.assessment.getScorecard(
                AssessmentV1.GetScorecardRequest(period: "2021-09", providerId: second)
            )
        }
        #expect(other?.code == .permissionDenied)
        #expect(other?.message.contains("only its own") == true)
        let appealOther = await rpcStatus {
            try await own.assessment.fileAppeal(
                AssessmentV1.FileAppealRequest(period: "2021-09", providerId: second, dimension: "traffic", reason: "x")
            )
        }
        #expect(appealOther?.code == .permissionDenied)
        let request = AssessmentV1.FileAppealRequest(
            period: "2021-09",
            providerId: first,
            dimension: "fulfilment",
            reason: "late courier data"
        )
        let keyed = CallOptions(metadata: ["idempotency-key": "appeal-1"])
        let appeal = try await own.assessment.fileAppeal(request, options: keyed)
        #expect(appeal.appeal?.state == "PENDING")
        // A retry with the same key is the same appeal, not a second one (which the pending first would refuse).
        let retried = try await own.assessment.fileAppeal(request, options: keyed)
        #expect(retried.appeal?.id == appeal.appeal?.id)
        let listed = try await own.assessment.listAppeals(
            AssessmentV1.ListAppealsRequest(period: "2021-09", providerId: first)
        )
        #expect(listed.appeals.count == 1)
        #expect(appeal.appeal?.filedBy == "spiffe://windmaker/provider/\(first)")
        let ranking = await rpcStatus {
            try await own.assessment.listRankings(
                AssessmentV1.ListRankingsRequest(period: "2021-09", providerType: "LOCAL")
            )
        }
        #expect(ranking?.code == .permissionDenied)
        let operatorAppeal = await rpcStatus {
            try await operators.assessment.fileAppeal(
                AssessmentV1.FileAppealRequest(period: "2021-09", providerId: first, dimension: "traffic", reason: "x")
            )
        }
        #expect(operatorAppeal?.code == .permissionDenied)
        let finalize = await rpcStatus {
            try await operators.assessment.finalize(AssessmentV1.PeriodRequest(period: "2021-09"))
        }
        #expect(finalize?.code == .failedPrecondition)
        #expect(finalize?.message.contains("appeal window runs until") == true)
        await own.test.connection.close()
        await operators.test.connection.close()
    }

    @Test func computeFailsUnavailableWhenTheRegistryIsDown() async throws {
        let stack = try await AssessmentTestStack.start()
        defer { stack.stop() }
        stack.registry.server.kill()
        _ = try await stack.registry.server.waitForExit()
        let operators = try stack.client("operator-alice")
        let status = await rpcStatus {
            try await operators.assessment.compute(AssessmentV1.PeriodRequest(period: "2021-09")) { stream in
                for try await _ in stream {}
            }
        }
        #expect(status?.code == .unavailable)
        #expect(status?.message.contains("registry") == true)
        let period = try await operators.assessment.getPeriod(AssessmentV1.PeriodRequest(period: "2021-09"))
        #expect(period.period?.state == "OPEN")  // nothing was scored on guesses
        await operators.test.connection.close()
    }

    /// SIGKILL right after an acknowledged ingest loses none of it; the server must also report that every commit
    /// is synced (SIGKILL alone cannot tell a synced commit from one in the page cache).
    @Test func acknowledgedIngestSurvivesSIGKILL() async throws {
        let stack = try await AssessmentTestStack.start()
        defer { stack.stop() }
        try await stack.assessment.server.waitForLog("assessment database open", "storage.synchronous=full")
        let pipeline = try stack.client("registry")
        var total: Int64 = 0
        for batch in 0 ..< 5 {
            let response = try await pipeline.assessment.ingest { writer in
                try await writer.write(
                    AssessmentV1.IngestRequest(
                        facts: (0 ..< 1_000).map {
                            AssessmentTestStack.fact(
                                "f-\(batch)-\($0)",
                                merchant: "m_\($0)",
                                metric: "ORDERS",
                                value: 1
                            )
                        }
                    )
                )
            }
            total += response.accepted
        }
        #expect(total == 5_000)
        stack.assessment.server.kill()
        _ = try await stack.assessment.server.waitForExit()
        await pipeline.test.connection.close()
        let database = try SQLiteDatabase(
            path: stack.assessment.dataDirectory.appendingPathComponent("assessment.sqlite").path
        )
        defer { database.close() }
        #expect(try database.queryOne("SELECT COUNT(*) FROM facts")?[0] == .integer(5_000))
    }
}
