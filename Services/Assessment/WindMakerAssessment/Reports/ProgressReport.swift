public import WindMakerKit

/// The program's headline numbers per computed period: how many providers have a trailing-year net GMV of at least
/// ¥1B and of at least ¥100M (a ¥1B provider counts in both), against the targets, overall and by type.
public struct ProgressReport: Hashable, Sendable {
    /// ¥1B in fen.
    public static let billion: Int64 = 100_000_000_000
    /// ¥100M in fen.
    public static let hundredMillion: Int64 = 10_000_000_000

    public struct Counts: Hashable, Sendable {
        public var billion = 0
        public var hundredMillion = 0
        public var providers = 0

        public init(billion: Int = 0, hundredMillion: Int = 0, providers: Int = 0) {
            self.billion = billion
            self.hundredMillion = hundredMillion
            self.providers = providers
        }
    }

    public struct Period: Hashable, Sendable {
        public var period: PeriodID
        public var state: PeriodState
        public var overall: Counts
        public var byType: [ProviderType: Counts]
    }

    public var targetBillion: Int
    public var targetHundredMillion: Int
    /// Oldest first: the trend.
    public var periods: [Period]
}
