/// Exact decimal arithmetic on integers, so that every score is reproducible bit for bit on any machine.
///
/// Indicator values carry 4 decimals (ten-thousandths), points and scores 2 (hundredths: 0–10,000 is 0–100).
/// Products are formed in `Int128`, and every division rounds half up.
public enum FixedPoint {
    /// The scale of indicator values: 1.0 is 10,000.
    public static let valueScale: Int64 = 10_000
    /// The scale of points and scores: 100 points is 10,000.
    public static let scoreScale: Int64 = 100

    /// `numerator ÷ denominator` rounded half up (away from zero at exactly one half, for non-negative operands).
    /// - Precondition: `denominator > 0`.
    public static func divide(_ numerator: Int128, by denominator: Int128) -> Int128 {
        precondition(denominator > 0, "division by a non-positive denominator")
        if numerator >= 0 {
            return (numerator * 2 + denominator) / (denominator * 2)
        }
        return -((-numerator * 2 + denominator) / (denominator * 2))
    }
}
