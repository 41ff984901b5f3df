public import WindMakerKit

/// A provider's appeal against one dimension of its published scorecard, and its resolution.
public struct Appeal: Hashable, Sendable {
    public enum State: String, Hashable, Sendable, CaseIterable {
        case pending = "PENDING"
        case rejected = "REJECTED"
        case upheld = "UPHELD"
    }

    public var id: AppealID
    public var period: PeriodID
    public var providerID: ProviderID
    public var dimension: Dimension
    public var reason: String
    public var filedBy: String
    public var filedAt: Timestamp
    public var state: State
    /// The operator's reason for rejecting, or the override's justification.
    public var resolution: String?
    public var resolvedBy: String?
    public var resolvedAt: Timestamp?
    /// The indicator value an upheld appeal put in place.
    public var override: IndicatorOverride?

    public init(
        id: AppealID,
        period: PeriodID,
        providerID: ProviderID,
        dimension: Dimension,
        reason: String,
        filedBy: String,
        filedAt: Timestamp,
        state: State = .pending,
        resolution: String? = nil,
        resolvedBy: String? = nil,
        resolvedAt: Timestamp? = nil,
        override: IndicatorOverride? = nil
    ) {
        self.id = id
        self.period = period
        self.providerID = providerID
        self.dimension = dimension
        self.reason = reason
        self.filedBy = filedBy
        self.filedAt = filedAt
        self.state = state
        self.resolution = resolution
        self.resolvedBy = resolvedBy
        self.resolvedAt = resolvedAt
        self.override = override
    }
}
