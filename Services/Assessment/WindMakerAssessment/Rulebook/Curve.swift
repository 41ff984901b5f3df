/// A piecewise-linear curve from an indicator's value to points: flat before its first and after its last point,
/// straight lines between.
public struct Curve: Hashable, Sendable {
    /// `x` in ten-thousandths (strictly increasing), `y` in hundredths (0–10,000).
    public let points: [Point]

    /// One corner of the curve.
    public struct Point: Hashable, Sendable {
        public let x: Int64
        public let y: Int64

        public init(x: Int64, y: Int64) {
            self.x = x
            self.y = y
        }
    }

    /// - Precondition: at least two points with strictly increasing `x` (the rulebook reader checks this).
    public init(points: [Point]) {
        precondition(points.count >= 2, "a curve needs two points")
        self.points = points
    }

    /// The points (hundredths) at `value` (ten-thousandths), rounded half up.
    public func points(at value: Int64) -> Int64 {
        guard let first = self.points.first, let last = self.points.last else { return 0 }
        if value <= first.x { return first.y }
        if value >= last.x { return last.y }
        let upper = self.points.firstIndex { $0.x >= value }!
        let (a, b) = (self.points[upper - 1], self.points[upper])
        let offset = Int128(b.y - a.y) * Int128(value - a.x)
        return a.y + Int64(FixedPoint.divide(offset, by: Int128(b.x - a.x)))
    }
}
