/// Whether a batch pays a period for the first time or corrects what was paid after a scorecard changed.
public enum BatchKind: String, Hashable, Sendable, CaseIterable {
    /// Entitlements of a period computed from its FINAL scorecards.
    case regular = "REGULAR"
    /// The difference after a scorecard was revised: top-ups, and clawbacks booked as receivables.
    case adjustment = "ADJUSTMENT"
}
