import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct ScoringEngineTests {
    private let provider = try! ProviderID("prv_aaaaaaaaaaaaaaaa")

    /// A small rulebook whose numbers are easy to follow by hand.
    static let simple: [UInt8] = Array(
        #"""
        {
          "window_months": 3, "club_window_months": 12,
          "dimensions": {
            "traffic": { "indicators": [
              { "id": "ad_roi", "value": { "ratio": ["AD_GMV", "AD_SPEND"] }, "weight": 3, "points": [[0, 0], [2, 50], [4, 100]] },
              { "id": "followers", "value": { "sum": "NEW_FOLLOWERS" }, "weight": 1, "points": [[0, 0], [1000, 100]] } ] },
            "live_stream": { "indicators": [
              { "id": "gmv", "value": { "sum": "LIVE_GMV" }, "weight": 1, "points": [[0, 0], [100, 100]] } ] },
            "incubation": { "indicators": [
              { "id": "streamers", "value": { "sum": "STREAMERS_INCUBATED" }, "weight": 1, "points": [[0, 0], [3, 100]] } ] },
            "supply_chain": { "indicators": [
              { "id": "sell_through", "value": { "ratio": ["SKUS_SOLD", "ACTIVE_SKUS"] }, "weight": 1, "points": [[0, 0], [1, 100]], "empty": 10 } ] },
            "fulfilment": { "indicators": [
              { "id": "on_time", "value": { "ratio": ["SHIPMENTS_ON_TIME", "SHIPMENTS_TOTAL"] }, "weight": 1, "points": [[0.9, 0], [1, 100]] } ] }
          },
          "type_weights": {
            "LOCAL": { "traffic": 1, "live_stream": 1, "incubation": 1, "supply_chain": 1, "fulfilment": 1 },
            "BRAND": { "traffic": 1, "live_stream": 0, "incubation": 0, "supply_chain": 0, "fulfilment": 0 },
            "MATCHMAKING": { "traffic": 1, "live_stream": 1, "incubation": 1, "supply_chain": 1, "fulfilment": 1 },
            "BASE": { "traffic": 1, "live_stream": 1, "incubation": 1, "supply_chain": 1, "fulfilment": 1 },
            "STRATEGIC": { "traffic": 1, "live_stream": 1, "incubation": 1, "supply_chain": 1, "fulfilment": 1 }
          },
          "gates": { "fake_order": { "fulfilment_cap": 40, "disqualifies": true }, "minimum_ranked_gmv_fen": 100000 },
          "tiers": [ { "name": "S", "minimum": 85 }, { "name": "A", "minimum": 70 }, { "name": "B", "minimum": 55.5 } ],
          "clubs": [ { "name": "1B", "minimum_gmv_fen": 100000000000 }, { "name": "100M", "minimum_gmv_fen": 10000000000 } ]
        }
        """#.utf8
    )

    private func inputs(
        _ facts: [(Metric, Int64)],
        type: ProviderType = .local,
        club: Int64 = 0
    ) -> ScoringEngine.Inputs {
        var totals = MetricTotals()
        for (metric, value) in facts { totals.add(metric, value) }
        return ScoringEngine.Inputs(providerID: self.provider, providerType: type, totals: totals, clubGMV: club)
    }

    @Test func curveInterpolatesExactlyAndRoundsHalfUp() {
        let curve = Curve(points: [.init(x: 0, y: 0), .init(x: 30_000, y: 10_000)])
        #expect(curve.points(at: -5) == 0)
        #expect(curve.points(at: 15_000) == 5_000)
        #expect(curve.points(at: 1) == 0)  // 0.333… rounds down
        #expect(curve.points(at: 2) == 1)  // 0.666… rounds up
        #expect(curve.points(at: 45_000) == 10_000)
        let falling = Curve(points: [.init(x: 0, y: 10_000), .init(x: 300, y: 0)])
        #expect(falling.points(at: 150) == 5_000)
    }

    @Test func handComputedScorecard() throws {
        let rulebook = try Rulebook.read(Self.simple)
        let score = ScoringEngine.score(
            self.inputs([
                (.adGMV, 300_000), (.adSpend, 100_000),  // ROI 3 → 75 points
                (.newFollowers, 500),  // 50 points
                (.liveGMV, 5_000),  // ¥50 → 50 points
                (.streamersIncubated, 1),  // 33.33 points
                (.shipmentsOnTime, 95), (.shipmentsTotal, 100),  // 0.95 → 50 points
                (.paidGMV, 200_000),
            ]),
            rulebook: rulebook
        )
        let traffic = try #require(score.dimensions.first { $0.dimension == .traffic })
        #expect(traffic.indicators.map(\.value) == [30_000, 5_000_000])
        #expect(traffic.indicators.map(\.points) == [7_500, 5_000])
        #expect(traffic.indicators.map(\.contribution) == [5_625, 1_250])
        #expect(traffic.score == 6_875)  // (75×3 + 50) ÷ 4
        let supply = try #require(score.dimensions.first { $0.dimension == .supplyChain })
        #expect(supply.indicators.first?.value == nil)  // no active SKUs: the empty points
        #expect(supply.score == 1_000)
        #expect(score.dimensions.map(\.score) == [6_875, 5_000, 3_333, 1_000, 5_000])
        #expect(score.composite == 4_242)  // 21,208 ÷ 5 = 4,241.6
        #expect(score.tier == "C")
        #expect(score.ranked)
        #expect(score.gates.isEmpty)
        #expect(!score.disqualified)
    }

    @Test func typeWeightsChangeTheComposite() throws {
        let rulebook = try Rulebook.read(Self.simple)
        let score = ScoringEngine.score(
            self.inputs([(.adGMV, 400_000), (.adSpend, 100_000), (.newFollowers, 1000)], type: .brand),
            rulebook: rulebook
        )
        #expect(score.composite == 10_000)  // BRAND weighs traffic only
        #expect(score.tier == "S")
    }

    @Test func fakeOrderCapsFulfilmentAndDisqualifies() throws {
        let rulebook = try Rulebook.read(Self.simple)
        var inputs = self.inputs([(.shipmentsOnTime, 100), (.shipmentsTotal, 100), (.paidGMV, 1_000_000)])
        inputs.totals.add(.violations, 1, kind: .fakeOrder)
        let score = ScoringEngine.score(inputs, rulebook: rulebook)
        let fulfilment = try #require(score.dimensions.last)
        #expect(fulfilment.uncapped == 10_000)
        #expect(fulfilment.score == 4_000)
        #expect(score.gates == ["fake_order"])
        #expect(score.disqualified)

        var other = self.inputs([(.shipmentsOnTime, 100), (.shipmentsTotal, 100), (.paidGMV, 1_000_000)])
        other.totals.add(.violations, 3, kind: .other)
        let unaffected = ScoringEngine.score(other, rulebook: rulebook)
        #expect(unaffected.dimensions.last?.score == 10_000)
        #expect(!unaffected.disqualified)
    }

    @Test func belowTheMinimumGMVIsScoredButNotRanked() throws {
        let rulebook = try Rulebook.read(Self.simple)
        let score = ScoringEngine.score(self.inputs([(.paidGMV, 150_000), (.refunds, 60_000)]), rulebook: rulebook)
        #expect(!score.ranked)  // net ¥900 < ¥1,000
        #expect(score.gates == ["below_minimum_ranked_gmv"])
        #expect(Ranking.ranks([score]).isEmpty)
    }

    @Test(arguments: [(8_500, "S"), (8_499, "A"), (7_000, "A"), (5_550, "B"), (5_549, "C"), (0, "C")])
    func tierBoundaries(composite: Int64, tier: String) throws {
        #expect(try Rulebook.read(Self.simple).tier(of: composite) == tier)
    }

    @Test(
        arguments: [
            (Int64(100_000_000_000), "1B"), (99_999_999_999, "100M"), (10_000_000_000, "100M"), (9_999_999_999, nil),
        ] as [(Int64, String?)]
    )
    func clubBoundaries(netGMV: Int64, club: String?) throws {
        let rulebook = try Rulebook.read(Self.simple)
        #expect(ScoringEngine.score(self.inputs([], club: netGMV), rulebook: rulebook).club == club)
    }

    @Test func overrideReplacesAnIndicatorValue() throws {
        let rulebook = try Rulebook.read(Self.simple)
        let inputs = self.inputs([(.shipmentsOnTime, 90), (.shipmentsTotal, 100)])
        let override = IndicatorOverride(
            dimension: .fulfilment,
            indicator: "on_time",
            value: 10_000,
            justification: "courier strike"
        )
        let score = ScoringEngine.score(inputs, rulebook: rulebook, overrides: [override])
        #expect(score.dimensions.last?.score == 10_000)
        #expect(score.dimensions.last?.indicators.first?.overridden == true)
        #expect(ScoringEngine.score(inputs, rulebook: rulebook).dimensions.last?.score == 0)
    }

    @Test func rankingIsByCompositeThenID() throws {
        let rulebook = try Rulebook.read(Self.simple)
        func score(_ id: String, _ type: ProviderType, roi: Int64) throws -> Score {
            var totals = MetricTotals()
            totals.add(.adGMV, roi * 100_000)
            totals.add(.adSpend, 100_000)
            totals.add(.paidGMV, 1_000_000)
            return ScoringEngine.score(
                .init(providerID: try ProviderID(id), providerType: type, totals: totals, clubGMV: 0),
                rulebook: rulebook
            )
        }
        let scores = [
            try score("prv_bbbbbbbbbbbbbbbb", .brand, roi: 2), try score("prv_aaaaaaaaaaaaaaaa", .brand, roi: 2),
            try score("prv_cccccccccccccccc", .brand, roi: 4), try score("prv_dddddddddddddddd", .local, roi: 1),
        ]
        let ranks = Ranking.ranks(scores)
        #expect(ranks[try ProviderID("prv_cccccccccccccccc")] == 1)
        #expect(ranks[try ProviderID("prv_aaaaaaaaaaaaaaaa")] == 2)
        #expect(ranks[try ProviderID("prv_bbbbbbbbbbbbbbbb")] == 3)
        #expect(ranks[try ProviderID("prv_dddddddddddddddd")] == 1)
    }
}
