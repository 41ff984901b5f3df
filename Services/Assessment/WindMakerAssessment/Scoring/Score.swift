public import WindMakerKit

/// How one provider scored under a rulebook: every number that went into the composite, so the result explains
/// itself.
public struct Score: Hashable, Sendable {
    public var providerID: ProviderID
    public var providerType: ProviderType
    /// The window's metric totals.
    public var totals: MetricTotals
    /// Net GMV (fen) over the club window.
    public var clubGMV: Int64
    public var dimensions: [DimensionScore]
    /// Hundredths, 0–10,000.
    public var composite: Int64
    public var tier: String
    public var club: String?
    /// Gates hit, e.g. `fake_order`, `below_minimum_ranked_gmv`.
    public var gates: [String]
    /// Excluded from incentives for the period by a gate.
    public var disqualified: Bool
    /// Whether the provider takes part in its type's ranking (net GMV in the window at least the rulebook's minimum).
    public var ranked: Bool
    /// Overrides applied (from upheld appeals).
    public var overrides: [IndicatorOverride]
}

/// One dimension's score and the indicators behind it.
public struct DimensionScore: Hashable, Sendable {
    public var dimension: Dimension
    /// Hundredths, 0–10,000, after any cap.
    public var score: Int64
    /// The score before a gate capped it.
    public var uncapped: Int64
    /// The dimension's weight in the composite for the provider's type.
    public var weight: Int64
    public var indicators: [IndicatorScore]
}

/// One indicator: its value, the points the curve gives it and what that adds to the dimension.
public struct IndicatorScore: Hashable, Sendable {
    public var id: String
    /// Ten-thousandths; `nil` when a ratio's denominator was zero.
    public var value: Int64?
    /// Hundredths, 0–10,000.
    public var points: Int64
    public var weight: Int64
    /// points × weight ÷ the dimension's total weight, in hundredths: the indicator's share of the dimension score.
    public var contribution: Int64
    /// Whether an override replaced the computed value.
    public var overridden: Bool
}
