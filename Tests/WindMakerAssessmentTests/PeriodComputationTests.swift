import Testing
import WindMakerAssessment
import WindMakerKit

@Suite struct PeriodComputationTests {
    private let alpha = try! ProviderID("prv_aaaaaaaaaaaaaaaa")
    private let beta = try! ProviderID("prv_bbbbbbbbbbbbbbbb")
    private let merchant = try! ClientRef(kind: .merchant, id: "m_1")
    private let rules = FactRules(programStart: try! CivilDate("2020-01-01"), today: try! CivilDate("2021-12-31"))

    private func rulebook() throws -> RulebookRecord {
        try RulebookRecord(
            version: 1,
            effectiveFrom: try PeriodID("2021-07"),
            document: String(decoding: Rulebook.defaultDocument, as: UTF8.self),
            publishedBy: "test",
            publishedAt: Timestamp(microsecondsSinceEpoch: 0)
        )
    }

    private func fact(_ id: String, _ subject: Subject, _ date: String, _ metric: Metric, _ value: Int64) throws -> Fact
    {
        try Fact(
            id: id,
            subjectKind: subject.kind,
            subjectID: subject.id,
            date: date,
            metric: metric.rawValue,
            kind: metric == .violations ? "FAKE_ORDER" : "",
            value: value,
            rules: self.rules
        )
    }

    private func snapshot(storeEnd: String = "2021-08-31") throws -> BindingSnapshot {
        BindingSnapshot([
            BindingSpan(
                id: "b1",
                providerID: self.alpha,
                client: self.merchant,
                scope: .storeOperation,
                dates: try DateRange(start: try CivilDate("2021-01-01"), end: try CivilDate(storeEnd))
            ),
            BindingSpan(
                id: "b2",
                providerID: self.beta,
                client: self.merchant,
                scope: .advertising,
                dates: try DateRange(start: try CivilDate("2021-01-01"))
            ),
        ])
    }

    private var providers: [PeriodComputation.Provider] {
        [.init(id: self.alpha, type: .local), .init(id: self.beta, type: .brand)]
    }

    private func facts() throws -> [Fact] {
        [
            try self.fact("a", .client(self.merchant), "2021-08-10", .paidGMV, 50_000_000),  // alpha: window and club
            // After b1 ended: unattributed.
            try self.fact("b", .client(self.merchant), "2021-09-10", .paidGMV, 7_000_000),
            try self.fact("c", .client(self.merchant), "2021-08-10", .adSpend, 1_000_000),  // beta, advertising scope
            try self.fact("d", .client(self.merchant), "2021-08-10", .adGMV, 3_000_000),
            try self.fact("e", .client(self.merchant), "2021-02-10", .paidGMV, 20_000_000),  // alpha: club window only
            // Orders count only in the scoring window, which starts in July.
            try self.fact("f", .client(self.merchant), "2021-02-10", .orders, 10),
            try self.fact("g", .provider(self.beta), "2021-09-01", .streamersIncubated, 4),  // beta's own
            try self.fact("h", .provider(self.alpha), "2021-09-01", .violations, 1),  // alpha's own fake order
        ].sorted { $0.id < $1.id }
    }

    @Test func attributesThroughBindingsAndSplitsTheWindows() throws {
        let computation = PeriodComputation(
            period: try PeriodID("2021-09"),
            rulebook: try self.rulebook(),
            snapshot: try self.snapshot()
        )
        #expect(computation.firstInputDate == (try CivilDate("2020-10-01")))
        let (results, summary) = computation.compute(providers: self.providers, facts: try self.facts())
        let alpha = try #require(results[self.alpha])
        let beta = try #require(results[self.beta])
        #expect(alpha.score.totals[.paidGMV] == 50_000_000)
        #expect(alpha.score.clubGMV == 70_000_000)
        #expect(alpha.score.disqualified && alpha.score.gates.contains("fake_order"))
        #expect(beta.score.totals[.adSpend] == 1_000_000 && beta.score.totals[.adGMV] == 3_000_000)
        #expect(beta.score.totals[.streamersIncubated] == 4)
        #expect(beta.score.totals[.paidGMV] == 0)
        #expect(summary.attributedFacts == 6)
        #expect(summary.unattributedFacts == 1)
        #expect(summary.bindings == 2)
        #expect(alpha.rank == 1)  // net ¥500,000 in the window ≥ the default's ¥100,000 minimum
        #expect(beta.rank == nil)  // no GMV of its own: scored, not ranked
    }

    @Test func sameInputsReproduceTheSameScorecardBitForBit() throws {
        let period = try PeriodID("2021-09")
        let first = PeriodComputation(period: period, rulebook: try self.rulebook(), snapshot: try self.snapshot())
            .compute(providers: self.providers, facts: try self.facts())
        let second = PeriodComputation(period: period, rulebook: try self.rulebook(), snapshot: try self.snapshot())
            .compute(providers: self.providers.reversed(), facts: try self.facts())
        #expect(first.results == second.results)
        #expect(first.results[self.alpha]?.inputDigest.count == 64)
    }

    @Test func anyChangedInputChangesTheDigest() throws {
        let period = try PeriodID("2021-09")
        let base = PeriodComputation(period: period, rulebook: try self.rulebook(), snapshot: try self.snapshot())
            .compute(providers: self.providers, facts: try self.facts()).results
        // A binding that changed later, even one that moves no fact.
        let rebound = PeriodComputation(
            period: period,
            rulebook: try self.rulebook(),
            snapshot: try self.snapshot(storeEnd: "2021-08-30")
        )
        .compute(providers: self.providers, facts: try self.facts()).results
        #expect(rebound[self.alpha]?.inputDigest != base[self.alpha]?.inputDigest)
        // A fact of one provider changes its digest only.
        var facts = try self.facts()
        facts[facts.firstIndex { $0.id.rawValue == "g" }!] = try self.fact(
            "g",
            .provider(self.beta),
            "2021-09-01",
            .streamersIncubated,
            5
        )
        let refact = PeriodComputation(period: period, rulebook: try self.rulebook(), snapshot: try self.snapshot())
            .compute(providers: self.providers, facts: facts).results
        #expect(refact[self.beta]?.inputDigest != base[self.beta]?.inputDigest)
        #expect(refact[self.alpha]?.inputDigest == base[self.alpha]?.inputDigest)
        // An override.
        let override = IndicatorOverride(
            dimension: .fulfilment,
            indicator: "on_time_rate",
            value: 10_000,
            justification: "x"
        )
        let overridden = PeriodComputation(period: period, rulebook: try self.rulebook(), snapshot: try self.snapshot())
            .compute(providers: self.providers, facts: try self.facts(), overrides: [self.alpha: [override]]).results
        #expect(overridden[self.alpha]?.inputDigest != base[self.alpha]?.inputDigest)
    }
}
