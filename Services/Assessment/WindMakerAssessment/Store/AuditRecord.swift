public import WindMakerKit

/// One append-only line of the assessment's audit trail: who did what to which period (and provider), when.
public struct AuditRecord: Hashable, Sendable {
    public var at: Timestamp
    /// The actor's identity from its certificate.
    public var actor: String
    /// What happened: `compute`, `publish`, `finalize`, `appeal`, `reject_appeal`, `uphold_appeal`, `rulebook`.
    public var action: String
    public var period: String
    public var providerID: ProviderID?
    public var detail: String

    public init(
        at: Timestamp,
        actor: String,
        action: String,
        period: String,
        providerID: ProviderID? = nil,
        detail: String
    ) {
        self.at = at
        self.actor = actor
        self.action = action
        self.period = period
        self.providerID = providerID
        self.detail = detail
    }
}
