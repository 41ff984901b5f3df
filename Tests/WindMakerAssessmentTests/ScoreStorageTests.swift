import Testing
import WindMakerKit
import WindMakerStorage

@testable import WindMakerAssessment

@Suite struct ScoreStorageTests {
    @Test func breakdownReadsBackExactly() throws {
        let rulebook = try Rulebook.read(ScoringEngineTests.simple)
        var totals = MetricTotals()
        totals.add(.paidGMV, 1_000_000)
        totals.add(.violations, 2, kind: .fakeOrder)
        totals.add(.violations, 3, kind: .other)
        totals.add(.shipmentsOnTime, 9)
        totals.add(.shipmentsTotal, 10)
        let override = IndicatorOverride(
            dimension: .fulfilment,
            indicator: "on_time",
            value: 9_900,
            justification: "courier \"strike\"\n"
        )
        let provider = try ProviderID("prv_aaaaaaaaaaaaaaaa")
        let score = ScoringEngine.score(
            .init(providerID: provider, providerType: .brand, totals: totals, clubGMV: -5),
            rulebook: rulebook,
            overrides: [override]
        )
        let text = score.breakdownText
        let read = try Score(providerID: provider, providerType: .brand, breakdown: text)
        #expect(read == score)
        #expect(read.totals.fakeOrders == 2 && read.totals[.violations] == 5)
        #expect(read.dimensions.first { $0.dimension == .supplyChain }?.indicators.first?.value == nil)
        // The text is canonical: the same as the generic serializer writes for the parsed document.
        #expect(try JSONValue.parse(Array(text.utf8)).serialized == text)
    }
}
