public import WindMakerKit

/// One append-only row of a provider's history: who moved it from which status to which, when and why.
public struct AuditEntry: Hashable, Sendable {
    /// The provider.
    public var providerID: ProviderID
    /// The caller's identity from its certificate, e.g. `spiffe://windmaker/operator/alice`.
    public var actor: String
    /// When.
    public var at: Timestamp
    /// The status before; `nil` for the entry that records creation.
    public var from: ProviderStatus?
    /// The status after.
    public var to: ProviderStatus
    /// The reason given, if any.
    public var reason: String?

    public init(
        providerID: ProviderID,
        actor: String,
        at: Timestamp,
        from: ProviderStatus?,
        to: ProviderStatus,
        reason: String?
    ) {
        self.providerID = providerID
        self.actor = actor
        self.at = at
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// The entry for a lifecycle transition.
    public init(providerID: ProviderID, actor: String, at: Timestamp, transition: ProviderTransition) {
        self.init(
            providerID: providerID,
            actor: actor,
            at: at,
            from: transition.from,
            to: transition.to,
            reason: transition.reason
        )
    }
}
