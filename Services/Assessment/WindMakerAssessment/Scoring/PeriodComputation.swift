public import WindMakerKit

/// Scores every provider of a period from its facts, the binding snapshot and a rulebook: the pure core of
/// computing a period (no store, no registry), so the same inputs always give the same scorecards.
///
/// A provider's own facts count for it directly; a client's fact counts for the provider whose binding covered the
/// client in the metric's scope on the fact's date, and is *unattributed* when none did (or when that provider is
/// not among those scored). Facts in the scoring window make the metric totals; paid GMV and refunds in the club
/// window make the club GMV. Each provider's input digest covers the rulebook, the snapshot, its type and every fact
/// it was credited with, in id order.
public struct PeriodComputation: Sendable {
    public struct Provider: Hashable, Sendable {
        public var id: ProviderID
        public var type: ProviderType

        public init(id: ProviderID, type: ProviderType) {
            self.id = id
            self.type = type
        }
    }

    /// One provider's result: its score, rank (if ranked) and input digest.
    public struct Result: Hashable, Sendable {
        public var score: Score
        public var rank: Int?
        public var inputDigest: String
    }

    /// What the period as a whole saw.
    public struct Summary: Hashable, Sendable {
        public var providers = 0
        /// Facts in the windows credited to a scored provider.
        public var attributedFacts = 0
        /// Client facts in the windows that no binding of a scored provider covered.
        public var unattributedFacts = 0
        public var bindings = 0
    }

    public let period: PeriodID
    public let rulebook: RulebookRecord
    public let snapshot: BindingSnapshot

    public init(period: PeriodID, rulebook: RulebookRecord, snapshot: BindingSnapshot) {
        self.period = period
        self.rulebook = rulebook
        self.snapshot = snapshot
    }

    /// The first date any window reaches back to: facts from here through the period's last day are the inputs.
    public var firstInputDate: CivilDate {
        self.rulebook.rulebook.firstInputDate(for: self.period)
    }

    /// Scores `providers` from `facts` (every fact dated from ``firstInputDate`` through the period's end, in any
    /// order), with `overrides` per provider.
    /// - Parameter progress: called with the number of providers scored so far, every 1,000 and at the end.
    public func compute(
        providers: [Provider],
        facts: [Fact],
        overrides: [ProviderID: [IndicatorOverride]] = [:],
        progress: (Int) -> Void = { _ in }
    ) -> (results: [ProviderID: Result], summary: Summary) {
        // The array cannot fail, so neither can the scan over it.
        try! self.compute(
            providers: providers,
            scan: { visit in for fact in facts { visit(FactRow(fact)) } },
            overrides: overrides,
            progress: progress
        )
    }

    /// Scores `providers` from the facts `scan` visits (every fact dated from ``firstInputDate`` through the
    /// period's end, in any order: the facts digest does not depend on it), with `overrides` per provider.
    ///
    /// Facts are folded into per-provider totals as they stream by, so memory does not grow with their number.
    /// - Parameter progress: called with the number of providers scored so far, every 1,000 and at the end.
    /// - Throws: what `scan` throws.
    public func compute(
        providers: [Provider],
        scan: (_ visit: (FactRow) -> Void) throws -> Void,
        overrides: [ProviderID: [IndicatorOverride]] = [:],
        progress: (Int) -> Void = { _ in }
    ) throws -> (results: [ProviderID: Result], summary: Summary) {
        let rules = self.rulebook.rulebook
        let window = self.period.trailingWindow(months: rules.windowMonths)
        let clubWindow = self.period.trailingWindow(months: rules.clubWindowMonths)
        var accounts = providers.map { Account(type: $0.type) }
        var accountOf: [ProviderID: Int] = [:]
        for (index, provider) in providers.enumerated() { accountOf[provider.id] = index }
        let routes = AttributionIndex(self.snapshot, accountOf: accountOf)
        var summary = Summary(providers: providers.count, bindings: self.snapshot.count)
        try scan { fact in
            let inWindow = window.first <= fact.date && fact.date <= window.last
            let inClubWindow =
                (fact.metric == .paidGMV || fact.metric == .refunds)
                && clubWindow.first <= fact.date && fact.date <= clubWindow.last
            guard inWindow || inClubWindow else { return }
            let owner: Int?
            switch fact.subject {
            case .provider(let id): owner = accountOf[id]
            case .client(let client): owner = routes.account(client, fact.metric.scope, fact.date)
            }
            guard let owner else {
                if case .client = fact.subject { summary.unattributedFacts += 1 }
                return
            }
            summary.attributedFacts += 1
            accounts[owner].credit(fact, inWindow: inWindow, inClubWindow: inClubWindow)
        }
        var scores: [Score] = []
        scores.reserveCapacity(providers.count)
        var digests: [ProviderID: String] = [:]
        for (index, provider) in providers.enumerated() {
            let account = accounts[index]
            let inputs = ScoringEngine.Inputs(
                providerID: provider.id,
                providerType: provider.type,
                totals: account.totals,
                clubGMV: account.clubGMV.netGMV
            )
            let providerOverrides = overrides[provider.id] ?? []
            scores.append(ScoringEngine.score(inputs, rulebook: rules, overrides: providerOverrides))
            digests[provider.id] = self.digest(provider, account, providerOverrides)
            if scores.count % 1_000 == 0 { progress(scores.count) }
        }
        progress(scores.count)
        let ranks = Ranking.ranks(scores)
        var results: [ProviderID: Result] = [:]
        for score in scores {
            results[score.providerID] = Result(
                score: score,
                rank: ranks[score.providerID],
                inputDigest: digests[score.providerID]!
            )
        }
        return (results, summary)
    }

    private func digest(_ provider: Provider, _ account: Account, _ overrides: [IndicatorOverride]) -> String {
        var hash = SHA256()
        hash.update(
            "period \(self.period)\nrulebook \(self.rulebook.digest)\nbindings \(self.snapshot.digest)\n"
                + "provider \(provider.id) \(provider.type)\nfacts \(account.facts)\n"
        )
        for override in overrides {
            hash.update("override \(override.dimension) \(override.indicator) \(override.value)\n")
        }
        return hash.finish().hex
    }

    /// What one provider was credited with.
    private struct Account {
        let type: ProviderType
        var totals = MetricTotals()
        var clubGMV = MetricTotals()
        var facts = FactFingerprint()

        init(type: ProviderType) {
            self.type = type
        }

        mutating func credit(_ fact: FactRow, inWindow: Bool, inClubWindow: Bool) {
            if inWindow { self.totals.add(fact.metric, fact.value, kind: fact.violationKind) }
            if inClubWindow { self.clubGMV.add(fact.metric, fact.value) }
            self.facts.add(fact.hash)
        }
    }

}
