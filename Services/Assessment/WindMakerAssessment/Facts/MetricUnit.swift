/// What a metric's value counts.
public enum MetricUnit: String, Hashable, Sendable, CustomStringConvertible {
    /// Money in fen (分, 1/100 yuan).
    case fen
    /// A number of things (orders, buyers, SKUs, …).
    case count
    /// Minutes of live streaming.
    case minutes

    public var description: String { self.rawValue }
}
