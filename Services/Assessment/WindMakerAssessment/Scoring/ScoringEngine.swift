public import WindMakerKit

/// Scores one provider's window under a rulebook. Pure integer arithmetic (``FixedPoint``): the same inputs give
/// the same ``Score`` on any machine.
public enum ScoringEngine {
    /// What the engine needs for one provider.
    public struct Inputs: Hashable, Sendable {
        public var providerID: ProviderID
        public var providerType: ProviderType
        public var totals: MetricTotals
        public var clubGMV: Int64

        public init(providerID: ProviderID, providerType: ProviderType, totals: MetricTotals, clubGMV: Int64) {
            self.providerID = providerID
            self.providerType = providerType
            self.totals = totals
            self.clubGMV = clubGMV
        }
    }

    /// Scores `inputs` under `rulebook`, with `overrides` replacing indicator values.
    public static func score(_ inputs: Inputs, rulebook: Rulebook, overrides: [IndicatorOverride] = []) -> Score {
        let weights = rulebook.typeWeights[inputs.providerType] ?? [:]
        let fakeOrders = inputs.totals.fakeOrders > 0
        var dimensions: [DimensionScore] = []
        for dimension in Dimension.allCases {
            var score = Self.dimensionScore(dimension, inputs.totals, rulebook, overrides)
            score.weight = weights[dimension] ?? 0
            if dimension == .fulfilment && fakeOrders {
                score.score = min(score.score, rulebook.fakeOrderFulfilmentCap)
            }
            dimensions.append(score)
        }
        let totalWeight = dimensions.reduce(Int128(0)) { $0 + Int128($1.weight) }
        let weighted = dimensions.reduce(Int128(0)) { $0 + Int128($1.score) * Int128($1.weight) }
        let composite = totalWeight > 0 ? Int64(FixedPoint.divide(weighted, by: totalWeight)) : 0
        let ranked = inputs.totals.netGMV >= rulebook.minimumRankedGMV
        var gates: [String] = []
        if fakeOrders { gates.append("fake_order") }
        if !ranked { gates.append("below_minimum_ranked_gmv") }
        return Score(
            providerID: inputs.providerID,
            providerType: inputs.providerType,
            totals: inputs.totals,
            clubGMV: inputs.clubGMV,
            dimensions: dimensions,
            composite: composite,
            tier: rulebook.tier(of: composite),
            club: rulebook.club(of: inputs.clubGMV),
            gates: gates,
            disqualified: fakeOrders && rulebook.fakeOrderDisqualifies,
            ranked: ranked,
            overrides: overrides
        )
    }

    private static func dimensionScore(
        _ dimension: Dimension,
        _ totals: MetricTotals,
        _ rulebook: Rulebook,
        _ overrides: [IndicatorOverride]
    ) -> DimensionScore {
        let rules = rulebook.dimensions[dimension] ?? []
        let totalWeight = rules.reduce(Int128(0)) { $0 + Int128($1.weight) }
        var indicators: [IndicatorScore] = []
        var weighted = Int128(0)
        for rule in rules {
            let override = overrides.last { $0.dimension == dimension && $0.indicator == rule.id }
            let value = override?.value ?? Self.value(of: rule.formula, totals)
            let points = value.map(rule.curve.points(at:)) ?? rule.emptyPoints
            weighted += Int128(points) * Int128(rule.weight)
            indicators.append(
                IndicatorScore(
                    id: rule.id,
                    value: value,
                    points: points,
                    weight: rule.weight,
                    contribution: Int64(FixedPoint.divide(Int128(points) * Int128(rule.weight), by: totalWeight)),
                    overridden: override != nil
                )
            )
        }
        let score = Int64(FixedPoint.divide(weighted, by: totalWeight))
        return DimensionScore(dimension: dimension, score: score, uncapped: score, weight: 0, indicators: indicators)
    }

    /// An indicator's value in ten-thousandths: money in yuan, so 1 yuan is 10,000 and 1 fen is 100.
    static func value(of formula: IndicatorFormula, _ totals: MetricTotals) -> Int64? {
        func scaled(_ metric: Metric) -> (amount: Int128, divisor: Int128) {
            (Int128(totals[metric]), metric.unit == .fen ? 100 : 1)
        }
        switch formula {
        case .sum(let metric):
            let (amount, divisor) = scaled(metric)
            return Self.clamped(FixedPoint.divide(amount * Int128(FixedPoint.valueScale), by: divisor))
        case .ratio(let numerator, let denominator):
            let (top, topDivisor) = scaled(numerator)
            let (bottom, bottomDivisor) = scaled(denominator)
            guard bottom > 0 else { return nil }
            return Self.clamped(
                FixedPoint.divide(top * bottomDivisor * Int128(FixedPoint.valueScale), by: bottom * topDivisor)
            )
        }
    }

    private static func clamped(_ value: Int128) -> Int64 {
        value > Int128(Int64.max) ? .max : Int64(value)
    }
}
