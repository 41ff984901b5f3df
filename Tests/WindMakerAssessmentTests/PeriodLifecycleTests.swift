import Foundation
import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct PeriodLifecycleTests {
    @Test func everyCurrentScorecardPagesByProviderID() async throws {
        let harness = try await AssessmentHarness()
        _ = try await harness.compute()
        var seen: [ProviderID] = []
        var token: String?
        repeat {
            let (record, page) = try harness.assessment.scorecards(
                period: harness.period,
                page: PageRequest(size: 2, token: token)
            )
            #expect(record.state == .computed)
            seen += page.items.map(\.providerID)
            token = page.nextPageToken
        } while token != nil
        #expect(seen == AssessmentHarness.ids.sorted())
        #expect(throws: AssessmentError.self) {
            try harness.assessment.scorecards(period: harness.period, page: PageRequest(size: 2, token: "garbage"))
        }
        #expect(throws: AssessmentError.self) {
            try harness.assessment.scorecards(period: try PeriodID("2020-01"), page: PageRequest(size: 2))
        }
    }

    @Test func computeStoresRankedScorecardsThatReadBackExactly() async throws {
        let harness = try await AssessmentHarness()
        let record = try await harness.compute()
        #expect(record.state == .computed && record.rulebookVersion == 1)
        #expect(record.summary.providers == 3 && record.summary.attributedFacts == 18)
        #expect(record.bindingsDigest == harness.snapshot.digest.hex)
        let first = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0])
        let second = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[1])
        #expect(first.rank == 1 && second.rank == 2)
        #expect(first.score.composite > second.score.composite)
        // Recomputing the same inputs stores the same scorecards, bit for bit.
        let again = try await harness.compute(at: 0)
        #expect(again.summary == record.summary)
        let reread = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0])
        #expect(reread.score == first.score && reread.inputDigest == first.inputDigest)
        let ranking = try harness.assessment.rankings(period: harness.period, type: .local, page: PageRequest(size: 1))
        #expect(ranking.items.map(\.providerID) == [AssessmentHarness.ids[0]])
        let next = try harness.assessment.rankings(
            period: harness.period,
            type: .local,
            page: PageRequest(size: 1, token: ranking.nextPageToken)
        )
        #expect(next.items.map(\.providerID) == [AssessmentHarness.ids[1]] && next.nextPageToken == nil)
        #expect(throws: AssessmentError.self) {
            try harness.assessment.rankings(
                period: harness.period,
                type: .brand,
                page: PageRequest(size: 1, token: ranking.nextPageToken)
            )
        }
    }

    @Test func lifecycleRefusalsNameTheState() async throws {
        let harness = try await AssessmentHarness()
        await #expect(
            throws: AssessmentError.failedPrecondition(
                "period 2021-09: cannot publish a period that is OPEN: compute it first"
            )
        ) {
            try await harness.publish()
        }
        try await harness.compute()
        try await harness.publish(at: 1)
        await #expect(throws: AssessmentError.self) { try await harness.compute(at: 2) }
        do {
            _ = try await harness.assessment.finalize(
                period: harness.period,
                actor: harness.operatorID,
                at: harness.time(days: 3)
            )
            Issue.record("finalized inside the appeal window")
        } catch let error as AssessmentError {
            #expect("\(error)".contains("appeal window runs until 2021-10-09T00:00:00+08:00"))
        }
        let final = try await harness.assessment.finalize(
            period: harness.period,
            actor: harness.operatorID,
            at: harness.time(days: 8)
        )
        #expect(final.state == .final)
        await #expect(throws: AssessmentError.self) { try await harness.compute(at: 9) }
    }

    @Test func finalizeWaitsForPendingAppeals() async throws {
        let harness = try await AssessmentHarness()
        try await harness.compute()
        try await harness.publish(at: 1)
        let appeal = try await harness.appeal(at: 2)
        do {
            _ = try await harness.assessment.finalize(
                period: harness.period,
                actor: harness.operatorID,
                at: harness.time(days: 9)
            )
            Issue.record("finalized with a pending appeal")
        } catch let error as AssessmentError {
            #expect("\(error)".contains("1 appeal is pending (\(appeal.id))"))
        }
        _ = try await harness.assessment.resolveAppeal(
            appeal.id,
            decision: .reject(reason: "counts match the courier's"),
            actor: harness.operatorID,
            at: harness.time(days: 9)
        )
        #expect(
            try await harness.assessment.finalize(
                period: harness.period,
                actor: harness.operatorID,
                at: harness.time(days: 9)
            ).state == .final
        )
    }

    @Test func progressCountsClubsAgainstTargets() async throws {
        let harness = try await AssessmentHarness()
        try await harness.compute()
        var report = try harness.assessment.progress(targetBillion: 100, targetHundredMillion: 200)
        // Net trailing GMV: ¥12M, ¥8M and ¥4M: no club yet.
        #expect(report.periods.first?.overall == ProgressReport.Counts(billion: 0, hundredMillion: 0, providers: 3))
        // ¥100M more for the BRAND provider in August, inside the 12-month club window.
        let rules = FactRules(programStart: try CivilDate("2021-07-01"), today: try CivilDate("2021-12-31"))
        let big = try Fact(
            id: "big",
            subjectKind: "MERCHANT",
            subjectID: "m_2",
            date: "2021-08-01",
            metric: "PAID_GMV",
            kind: "",
            value: 10_000_000_000,
            rules: rules
        )
        _ = try await harness.assessment.ingest(
            [IncomingFact(index: 0, sentID: "big", checked: .success(big))],
            receivedAt: harness.computedAt
        )
        try await harness.compute()
        report = try harness.assessment.progress(targetBillion: 100, targetHundredMillion: 200)
        let period = try #require(report.periods.first)
        #expect(period.overall == ProgressReport.Counts(billion: 0, hundredMillion: 1, providers: 3))
        #expect(period.byType[.brand]?.hundredMillion == 1)
        #expect(period.byType[.local]?.providers == 2)
        #expect(
            try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[2]).score.club
                == "100M"
        )
        #expect(report.targetBillion == 100)
    }

    @Test func publishingARulebookChangesNoScorecardAlreadyComputed() async throws {
        let harness = try await AssessmentHarness()
        try await harness.compute()
        let before = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0])
        let draft = String(decoding: Rulebook.defaultDocument, as: UTF8.self)
            .replacingOccurrences(of: #""weight": 60"#, with: #""weight": 1"#)
        let second = try await harness.assessment.publishRulebook(
            document: draft,
            effectiveFrom: try PeriodID("2021-07"),
            actor: harness.operatorID,
            at: harness.time(days: 1)
        )
        let after = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0])
        #expect(after == before && after.rulebookVersion == 1)
        // Only a later computation uses the new version.
        try await harness.compute(at: 2)
        let recomputed = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0])
        #expect(recomputed.rulebookVersion == second.version)
        #expect(recomputed.inputDigest != before.inputDigest)
    }
}
