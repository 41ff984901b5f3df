public import WindMakerKit

/// One confirmed registry binding as the assessment needs it: which provider served which client, in which scope,
/// over which dates.
public struct BindingSpan: Hashable, Sendable {
    /// The registry's binding id, which orders the snapshot for its digest.
    public var id: String
    public var providerID: ProviderID
    public var client: ClientRef
    public var scope: BindingScope
    public var dates: DateRange

    public init(id: String, providerID: ProviderID, client: ClientRef, scope: BindingScope, dates: DateRange) {
        self.id = id
        self.providerID = providerID
        self.client = client
        self.scope = scope
        self.dates = dates
    }
}
