public import WindMakerKit

/// One of the five powers as the provider declares it at application: what it does and how it rates itself.
///
/// Self-declared and unverified; the assessment service scores measured facts, not this.
public struct Capability: Hashable, Sendable {
    /// The longest description accepted, in characters.
    public static let maximumDescriptionLength = 500
    /// The accepted self-ratings.
    public static let ratingRange: ClosedRange<Int> = 0 ... 100

    /// What the provider does for this power (may be empty), at most 500 characters of display text (no control or
    /// bidi-override characters).
    public var summary: String
    /// The provider's own rating, 0–100.
    public var selfRating: Int

    public init(summary: String = "", selfRating: Int = 0) {
        self.summary = summary
        self.selfRating = selfRating
    }

    /// Every problem with this capability, under the field path `field` (e.g. `capabilities.supply_chain`).
    public func violations(field: String) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        if let forbidden = TextRule.characterViolation(of: self.summary, field: "\(field).description") {
            violations.append(forbidden)
        }
        let count = self.summary.count
        if count > Self.maximumDescriptionLength {
            violations.append(
                FieldViolation(
                    field: "\(field).description",
                    description: "must be at most \(Self.maximumDescriptionLength) characters, found \(count)"
                )
            )
        }
        if !Self.ratingRange.contains(self.selfRating) {
            violations.append(
                FieldViolation(
                    field: "\(field).self_rating",
                    description: "must be between 0 and 100, found \(self.selfRating)"
                )
            )
        }
        return violations
    }
}
