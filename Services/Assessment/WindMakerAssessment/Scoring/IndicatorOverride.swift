/// An operator's replacement of one indicator's value, recorded when an appeal is upheld.
public struct IndicatorOverride: Hashable, Sendable {
    public var dimension: Dimension
    /// The indicator's id in the rulebook.
    public var indicator: String
    /// The value used instead, in ten-thousandths.
    public var value: Int64
    /// Why, in the operator's words.
    public var justification: String

    public init(dimension: Dimension, indicator: String, value: Int64, justification: String) {
        self.dimension = dimension
        self.indicator = indicator
        self.value = value
        self.justification = justification
    }
}
