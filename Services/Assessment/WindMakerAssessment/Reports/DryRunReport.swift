public import WindMakerKit

/// How a draft rulebook would score a period against the published scorecards: per provider the composite delta
/// and any tier or club change, and a summary by type.
public struct DryRunReport: Hashable, Sendable {
    /// One provider under both rulebooks.
    public struct Change: Hashable, Sendable {
        public var providerID: ProviderID
        public var providerType: ProviderType
        /// `nil` when the provider has no stored scorecard (e.g. new since the computation).
        public var before: Outcome?
        public var after: Outcome
        /// Hundredths; after minus before (before counts as 0 when absent).
        public var compositeDelta: Int64 { self.after.composite - (self.before?.composite ?? 0) }
    }

    /// What a rulebook gave one provider.
    public struct Outcome: Hashable, Sendable {
        public var composite: Int64
        public var tier: String
        /// 0 for the top tier, one more per tier below.
        public var tierLevel: Int
        public var club: String?
    }

    /// Movements within one provider type.
    public struct TypeSummary: Hashable, Sendable {
        public var providers = 0
        public var tierUp = 0
        public var tierDown = 0
        /// Per club name: providers that would join it and that would leave it.
        public var clubEntries: [String: Int] = [:]
        public var clubExits: [String: Int] = [:]
    }

    public var period: PeriodID
    public var publishedRulebookVersion: Int?
    public var changes: [Change]
    public var summary: [ProviderType: TypeSummary]

    init(period: PeriodID, publishedRulebookVersion: Int?, changes: [Change]) {
        self.period = period
        self.publishedRulebookVersion = publishedRulebookVersion
        self.changes = changes
        var summary: [ProviderType: TypeSummary] = [:]
        for change in changes {
            var row = summary[change.providerType] ?? TypeSummary()
            row.providers += 1
            if let before = change.before {
                if change.after.tierLevel < before.tierLevel { row.tierUp += 1 }
                if change.after.tierLevel > before.tierLevel { row.tierDown += 1 }
            }
            let old = change.before?.club
            if old != change.after.club {
                if let new = change.after.club { row.clubEntries[new, default: 0] += 1 }
                if let old { row.clubExits[old, default: 0] += 1 }
            }
            summary[change.providerType] = row
        }
        self.summary = summary
    }
}
