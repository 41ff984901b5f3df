/// How an indicator's value comes from the window's metric totals.
public enum IndicatorFormula: Hashable, Sendable, CustomStringConvertible {
    /// The metric's total (money in yuan, so that curves read naturally).
    case sum(Metric)
    /// One total divided by another (money in yuan on either side); a zero denominator has no value.
    case ratio(Metric, Metric)

    public var description: String {
        switch self {
        case .sum(let metric): "sum(\(metric))"
        case .ratio(let numerator, let denominator): "\(numerator) / \(denominator)"
        }
    }
}
