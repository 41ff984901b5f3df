import Foundation
import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct DryRunTests {
    @Test func draftIsComparedWithThePublishedScorecardsAndNothingIsStored() async throws {
        let harness = try await AssessmentHarness()
        #expect(throws: AssessmentError.self) {
            try harness.assessment.dryRun(
                period: harness.period,
                draft: "{}",
                providers: harness.providers,
                snapshot: harness.snapshot,
                at: harness.computedAt
            )
        }
        try await harness.compute()
        let stored = try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0])
        let document = String(decoding: Rulebook.defaultDocument, as: UTF8.self)
        // Everyone reaches S, and the ¥100M club starts at ¥10M: providers 0 (¥12M) enters it.
        let draft = document.replacingOccurrences(
            of: #""name": "S", "minimum": 85"#,
            with: #""name": "S", "minimum": 1"#
        )
        .replacingOccurrences(of: #""name": "A", "minimum": 70"#, with: #""name": "A", "minimum": 0.5"#)
        .replacingOccurrences(of: #""name": "B", "minimum": 55"#, with: #""name": "B", "minimum": 0.25"#)
        .replacingOccurrences(of: "10000000000 }", with: "1000000000 }")
        let report = try harness.assessment.dryRun(
            period: harness.period,
            draft: draft,
            providers: harness.providers,
            snapshot: harness.snapshot,
            at: harness.computedAt
        )
        #expect(report.publishedRulebookVersion == 1)
        #expect(report.changes.count == 3)
        #expect(report.changes.allSatisfy { $0.after.tier == "S" && $0.compositeDelta == 0 })
        #expect(report.summary[.local]?.tierUp == 2)
        #expect(report.summary[.brand]?.tierUp == 1)
        #expect(report.summary[.local]?.clubEntries == ["100M": 1])
        #expect(try harness.assessment.scorecard(period: harness.period, provider: AssessmentHarness.ids[0]) == stored)

        do {
            _ = try harness.assessment.dryRun(
                period: harness.period,
                draft: document.replacingOccurrences(of: "\"weight\": 60", with: "\"weight\": 0"),
                providers: harness.providers,
                snapshot: harness.snapshot,
                at: harness.computedAt
            )
            Issue.record("an invalid draft was scored")
        } catch let error as AssessmentError {
            #expect(error.fieldViolations?.map(\.field).contains("dimensions.traffic.indicators[0].weight") == true)
        }
    }
}
