import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct AppealTests {
    private func published() async throws -> AssessmentHarness {
        let harness = try await AssessmentHarness()
        try await harness.compute()
        try await harness.publish(at: 1)
        return harness
    }

    private func refusal(_ body: () async throws -> Void) async -> String {
        do {
            try await body()
            return "no refusal"
        } catch {
            return "\(error)"
        }
    }

    @Test func appealsNeedAPublishedPeriodAndAnOpenWindow() async throws {
        let harness = try await AssessmentHarness()
        try await harness.compute()
        #expect(
            await self.refusal { _ = try await harness.appeal(at: 1) }.contains(
                "is COMPUTED: appeals are taken while it is PUBLISHED"
            )
        )
        try await harness.publish(at: 1)
        #expect(
            await self.refusal { _ = try await harness.appeal(at: 9) }.contains(
                "appeal window of period 2021-09 closed"
            )
        )
    }

    @Test func secondAppealOnlyWithinThreeDaysOfARejectionAndNeverAThird() async throws {
        let harness = try await self.published()
        let first = try await harness.appeal(at: 1)
        #expect(await self.refusal { _ = try await harness.appeal(at: 1) }.contains("still pending"))
        _ = try await harness.assessment.resolveAppeal(
            first.id,
            decision: .reject(reason: "no"),
            actor: harness.operatorID,
            at: harness.time(days: 2)
        )
        let second = try await harness.appeal(at: 5)  // three days after the rejection: still in time
        _ = try await harness.assessment.resolveAppeal(
            second.id,
            decision: .reject(reason: "no"),
            actor: harness.operatorID,
            at: harness.time(days: 6)
        )
        #expect(await self.refusal { _ = try await harness.appeal(at: 6) }.contains("at most 2 appeals"))
        #expect(try harness.assessment.appeals(period: harness.period, provider: AssessmentHarness.ids[1]).count == 2)
    }

    @Test func lateSecondAppealAndAppealAfterUpholdAreRefused() async throws {
        let harness = try await self.published()
        let first = try await harness.appeal(at: 1)
        _ = try await harness.assessment.resolveAppeal(
            first.id,
            decision: .reject(reason: "no"),
            actor: harness.operatorID,
            at: harness.time(days: 1)
        )
        #expect(await self.refusal { _ = try await harness.appeal(at: 5) }.contains("within 3 days"))

        let other = try await harness.appeal(0, at: 1)
        let override = IndicatorOverride(
            dimension: .fulfilment,
            indicator: "on_time_rate",
            value: 9_900,
            justification: "courier strike"
        )
        _ = try await harness.assessment.resolveAppeal(
            other.id,
            decision: .uphold(override),
            actor: harness.operatorID,
            at: harness.time(days: 2)
        )
        #expect(await self.refusal { _ = try await harness.appeal(0, at: 2) }.contains("was upheld"))
        #expect(
            await self.refusal {
                _ = try await harness.assessment.resolveAppeal(
                    other.id,
                    decision: .reject(reason: "x"),
                    actor: harness.operatorID,
                    at: harness.time(days: 2)
                )
            }.contains("already UPHELD")
        )
    }

    @Test func upholdingRecomputesAsANewRevisionAndReranks() async throws {
        let harness = try await self.published()
        let before = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[1])
        #expect(before.rank == 2)
        let appeal = try await harness.appeal(at: 2)
        let bad = IndicatorOverride(dimension: .fulfilment, indicator: "nope", value: 1, justification: "x")
        #expect(
            await self.refusal {
                _ = try await harness.assessment.resolveAppeal(
                    appeal.id,
                    decision: .uphold(bad),
                    actor: harness.operatorID,
                    at: harness.time(days: 3)
                )
            }.contains("override.indicator")
        )
        let wrongDimension = IndicatorOverride(dimension: .traffic, indicator: "ad_roi", value: 1, justification: "x")
        #expect(
            await self.refusal {
                _ = try await harness.assessment.resolveAppeal(
                    appeal.id,
                    decision: .uphold(wrongDimension),
                    actor: harness.operatorID,
                    at: harness.time(days: 3)
                )
            }.contains("the appeal is about fulfilment")
        )
        let override = IndicatorOverride(
            dimension: .fulfilment,
            indicator: "on_time_rate",
            value: 10_000,
            justification: "courier strike"
        )
        let (resolved, after) = try await harness.assessment.resolveAppeal(
            appeal.id,
            decision: .uphold(override),
            actor: harness.operatorID,
            at: harness.time(days: 3)
        )
        #expect(resolved.state == .upheld && resolved.override == override)
        #expect(after.revision == 2)
        #expect(after.score.overrides == [override])
        #expect(after.score.composite > before.score.composite)
        #expect(after.inputDigest != before.inputDigest)
        let history = try harness.assessment.scorecardHistory(
            period: harness.period,
            provider: AssessmentHarness.ids[1]
        )
        #expect(history.map(\.revision) == [1, 2])
        #expect(history.first?.score == before.score)
        #expect(
            try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[1], revision: 1)
                .score == before.score
        )
        let ranks = try harness.assessment.rankings(period: harness.period, type: .local, page: PageRequest())
        #expect(ranks.items.map(\.rank) == [1, 2])
    }

    @Test func aFinalScorecardIsRevisedLateOnlyOnceFinalAndKeepsItsHistory() async throws {
        let harness = try await self.published()
        let provider = AssessmentHarness.ids[1]
        let override = IndicatorOverride(
            dimension: .fulfilment,
            indicator: "on_time_rate",
            value: 0,
            justification: "fake orders confirmed by the risk team"
        )
        let database = harness.assessment.database
        let revise = { (override: IndicatorOverride, days: Int64) in
            try await database.write { sql in
                try harness.assessment.reviseFinal(
                    period: harness.period,
                    provider: provider,
                    override: override,
                    actor: harness.operatorID,
                    at: harness.time(days: days),
                    in: sql
                )
            }
        }
        #expect(await self.refusal { _ = try await revise(override, 2) }.contains("through appeals"))
        _ = try await harness.assessment.finalize(
            period: harness.period,
            actor: harness.operatorID,
            at: harness.time(days: 9)
        )
        let before = try harness.assessment.scorecard(period: harness.period, provider: provider)
        let revised = try await revise(override, 10)
        #expect(revised.revision == before.revision + 1 && revised.score.composite < before.score.composite)
        #expect(try harness.assessment.scorecardHistory(period: harness.period, provider: provider).count == 2)
        #expect(try harness.assessment.periodRecord(harness.period).state == .final)
        let unknown = IndicatorOverride(dimension: .fulfilment, indicator: "nope", value: 0, justification: "x")
        #expect(await self.refusal { _ = try await revise(unknown, 10) }.contains("override.indicator"))
    }

    @Test func reasonsFollowTheTextRules() async throws {
        let harness = try await self.published()
        let refusal = await self.refusal {
            _ = try await harness.assessment.fileAppeal(
                period: harness.period,
                provider: AssessmentHarness.ids[0],
                dimension: .traffic,
                reason: "bad\u{202E}text",
                id: AppealID.random(),
                actor: "p",
                at: harness.time(days: 2)
            )
        }
        #expect(refusal.contains("reason") && refusal.contains("U+202E"))
        #expect(
            await self.refusal {
                _ = try await harness.assessment.fileAppeal(
                    period: harness.period,
                    provider: try ProviderID("prv_zzzzzzzzzzzzzzzz"),
                    dimension: .traffic,
                    reason: "x",
                    id: AppealID.random(),
                    actor: "p",
                    at: harness.time(days: 2)
                )
            }.contains("does not exist")
        )
    }

    @Test func blankReasonsAndOutOfRangeOverridesAreRefused() async throws {
        let harness = try await self.published()
        #expect(
            await self.refusal {
                _ = try await harness.assessment.fileAppeal(
                    period: harness.period,
                    provider: AssessmentHarness.ids[0],
                    dimension: .traffic,
                    reason: "   ",
                    id: AppealID.random(),
                    actor: "p",
                    at: harness.time(days: 2)
                )
            }.contains("only whitespace")
        )
        let appeal = try await harness.appeal(at: 2)
        for value in [Int64(-1), .max] {
            let override = IndicatorOverride(
                dimension: .fulfilment,
                indicator: "on_time_rate",
                value: value,
                justification: "x"
            )
            #expect(
                await self.refusal {
                    _ = try await harness.assessment.resolveAppeal(
                        appeal.id,
                        decision: .uphold(override),
                        actor: harness.operatorID,
                        at: harness.time(days: 3)
                    )
                }.contains("override.value")
            )
        }
    }
}
