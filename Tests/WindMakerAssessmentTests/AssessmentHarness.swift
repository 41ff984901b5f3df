import WindMakerAssessment
import WindMakerKit
import WindMakerStorage
import WindMakerTestSupport

/// An assessment on an in-memory database with the default rulebook, two LOCAL providers and one BRAND provider,
/// each serving one merchant, and facts for July–September 2021.
struct AssessmentHarness {
    let assessment: Assessment
    let providers: [PeriodComputation.Provider]
    let snapshot: BindingSnapshot
    let period = try! PeriodID("2021-09")
    let operatorID = "spiffe://windmaker/operator/alice"
    static let day: Int64 = 86_400 * 1_000_000
    /// 2021-10-01T00:00:00+08:00.
    let computedAt = Timestamp(microsecondsSinceEpoch: 1_633_017_600_000_000)

    static let ids = ["prv_aaaaaaaaaaaaaaaa", "prv_bbbbbbbbbbbbbbbb", "prv_cccccccccccccccc"].map {
        try! ProviderID($0)
    }

    init() async throws {
        let database = try TestStore.serviceDatabase("assessment")
        try database.migrate(AssessmentSchema.migrations)
        self.assessment = Assessment(database: database)
        try self.assessment.publishDefaultRulebookIfNone(effectiveFrom: try PeriodID("2021-07"), at: self.computedAt)
        let types: [ProviderType] = [.local, .local, .brand]
        self.providers = zip(Self.ids, types).map { PeriodComputation.Provider(id: $0, type: $1) }
        var spans: [BindingSpan] = []
        var facts: [IncomingFact] = []
        let rules = FactRules(programStart: try CivilDate("2021-07-01"), today: try CivilDate("2021-12-31"))
        for (index, provider) in Self.ids.enumerated() {
            let client = try ClientRef(kind: .merchant, id: "m_\(index)")
            for scope in BindingScope.allCases {
                spans.append(
                    BindingSpan(
                        id: "b_\(index)_\(scope)",
                        providerID: provider,
                        client: client,
                        scope: scope,
                        dates: try DateRange(start: try CivilDate("2021-01-01"))
                    )
                )
            }
            // Provider 0 sells most, 2 least; the shares make distinct composites.
            let scale = Int64(3 - index)
            for (metric, value) in [
                (Metric.paidGMV, 400_000_000 * scale), (.orders, 1_000 * scale), (.shipmentsOnTime, 95 * scale),
                (.shipmentsTotal, 100 * scale), (.adSpend, 10_000_000), (.adGMV, 15_000_000 * scale),
            ] {
                let id = "f-\(index)-\(metric)"
                facts.append(
                    IncomingFact(
                        index: facts.count,
                        sentID: id,
                        checked: Result { () throws(FactRejection) in
                            try Fact(
                                id: id,
                                subjectKind: "MERCHANT",
                                subjectID: client.id,
                                date: "2021-09-15",
                                metric: metric.rawValue,
                                kind: "",
                                value: value,
                                rules: rules
                            )
                        }
                    )
                )
            }
        }
        self.snapshot = BindingSnapshot(spans)
        _ = try await self.assessment.ingest(facts, receivedAt: self.computedAt)
    }

    func time(days: Int64) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: self.computedAt.microsecondsSinceEpoch + days * Self.day)
    }

    @discardableResult
    func compute(at days: Int64 = 0) async throws -> PeriodRecord {
        try await self.assessment.compute(
            period: self.period,
            providers: self.providers,
            snapshot: self.snapshot,
            actor: self.operatorID,
            at: self.time(days: days)
        )
    }

    @discardableResult
    func publish(at days: Int64 = 1) async throws -> PeriodRecord {
        try await self.assessment.publish(
            period: self.period,
            appealWindowMicroseconds: 7 * Self.day,
            actor: self.operatorID,
            at: self.time(days: days)
        )
    }

    func appeal(_ provider: Int = 1, at days: Int64, dimension: Dimension = .fulfilment) async throws -> Appeal {
        try await self.assessment.fileAppeal(
            period: self.period,
            provider: Self.ids[provider],
            dimension: dimension,
            reason: "shipments miscounted",
            id: AppealID.random(),
            actor: "spiffe://windmaker/provider/\(Self.ids[provider])",
            at: self.time(days: days)
        )
    }
}
