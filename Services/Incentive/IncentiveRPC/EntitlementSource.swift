public import WindMakerIncentive
public import WindMakerKit

/// What computing entitlements needs from the other services: a period's current scorecards from the assessment,
/// and every provider's standing from the registry. The server's is ``UpstreamEntitlementSource``; tests pass
/// their own.
public protocol EntitlementSource: Sendable {
    /// The period's state at the assessment (`FINAL` is payable) and its current scorecards; `nil` when the
    /// assessment has no such period.
    func scorecards(_ period: PeriodID) async throws -> PeriodScorecards?
    /// Every provider the registry knows, with its standing.
    func standings() async throws -> [ProviderID: ProviderStanding]
}

/// A period's scorecards as the assessment reports them.
public struct PeriodScorecards: Sendable {
    /// `OPEN`, `COMPUTED`, `PUBLISHED` or `FINAL`.
    public var state: String
    public var cards: [FinalScorecard]

    public init(state: String, cards: [FinalScorecard]) {
        self.state = state
        self.cards = cards
    }
}
