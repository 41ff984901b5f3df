public import WindMakerKit

/// The headline of a stored scorecard, for reports over a whole period: its composite, tier, club and club GMV,
/// and the overrides of upheld appeals.
public struct ScorecardOutcome: Hashable, Sendable {
    public var providerID: ProviderID
    public var providerType: ProviderType
    public var composite: Int64
    public var tier: String
    public var club: String?
    /// Net GMV (fen) over the club window.
    public var clubGMV: Int64
    public var overrides: [IndicatorOverride]

    public init(
        providerID: ProviderID,
        providerType: ProviderType,
        composite: Int64,
        tier: String,
        club: String?,
        clubGMV: Int64,
        overrides: [IndicatorOverride]
    ) {
        self.providerID = providerID
        self.providerType = providerType
        self.composite = composite
        self.tier = tier
        self.club = club
        self.clubGMV = clubGMV
        self.overrides = overrides
    }
}
