public import WindMakerKit

/// The five-power model as data: how each dimension is scored from indicators, the dimensions' weights per provider
/// type, the gates, the tiers and the GMV clubs (docs/ASSESSMENT.md documents the JSON field by field).
///
/// Values of this type are valid: ``read(_:)`` refuses a document with any violation, naming each by its path.
public struct Rulebook: Hashable, Sendable {
    /// Calendar months scored, ending with the period's month.
    public var windowMonths: Int
    /// Calendar months of net GMV for the clubs, ending with the period's month.
    public var clubWindowMonths: Int
    /// Every dimension's indicators.
    public var dimensions: [Dimension: [IndicatorRule]]
    /// Per provider type, each dimension's weight in the composite.
    public var typeWeights: [ProviderType: [Dimension: Int64]]
    /// A confirmed fake-order violation in the window caps fulfilment at this score (hundredths).
    public var fakeOrderFulfilmentCap: Int64
    /// Whether a confirmed fake-order violation disqualifies the provider from incentives for the period.
    public var fakeOrderDisqualifies: Bool
    /// Net GMV in the window (fen) below which a provider is scored but not ranked.
    public var minimumRankedGMV: Int64
    /// Tiers by descending minimum composite; below the last, ``lowestTier``.
    public var tiers: [Threshold]
    /// GMV clubs by descending minimum trailing net GMV (fen).
    public var clubs: [Threshold]

    /// The tier of a composite below every threshold.
    public static let lowestTier = "C"

    /// One rule of a dimension.
    public struct IndicatorRule: Hashable, Sendable {
        public var id: String
        public var formula: IndicatorFormula
        public var weight: Int64
        public var curve: Curve
        /// Points (hundredths) when the indicator has no value (a ratio over a zero denominator).
        public var emptyPoints: Int64
    }

    /// A named minimum: a tier's composite (hundredths) or a club's net GMV (fen).
    public struct Threshold: Hashable, Sendable {
        public var name: String
        public var minimum: Int64
    }

    /// The first day a computation of `period` reads facts from: the start of the longer of its two windows.
    public func firstInputDate(for period: PeriodID) -> CivilDate {
        period.trailingWindow(months: max(self.windowMonths, self.clubWindowMonths)).first
    }

    /// The tier a composite (hundredths) earns.
    public func tier(of composite: Int64) -> String {
        self.tiers.first { composite >= $0.minimum }?.name ?? Self.lowestTier
    }

    /// The club a trailing net GMV (fen) reaches, if any.
    public func club(of netGMV: Int64) -> String? {
        self.clubs.first { netGMV >= $0.minimum }?.name
    }
}
