/// An operator's resolution of a pending appeal.
public enum AppealDecision: Hashable, Sendable {
    /// Refused, with the operator's reason.
    case reject(reason: String)
    /// Accepted: the override replaces one indicator's value and the scorecard is recomputed as a new revision.
    case uphold(IndicatorOverride)
}
