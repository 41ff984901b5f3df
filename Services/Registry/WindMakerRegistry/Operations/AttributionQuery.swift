public import WindMakerKit

/// One question for ``Registry/resolveAttribution(_:)``: which provider served this client in this scope on this day?
public struct AttributionQuery: Hashable, Sendable {
    /// The merchant, brand or streamer.
    public var client: ClientRef
    /// The kind of service.
    public var scope: BindingScope
    /// The day the GMV was made, in business time (UTC+8).
    public var date: CivilDate

    public init(client: ClientRef, scope: BindingScope, date: CivilDate) {
        self.client = client
        self.scope = scope
        self.date = date
    }
}

/// The answer to an ``AttributionQuery``: the binding in force that day and its provider.
public struct Attribution: Hashable, Sendable {
    /// The provider credited.
    public var providerID: ProviderID
    /// The binding that holds the client, scope and day.
    public var bindingID: BindingID

    public init(providerID: ProviderID, bindingID: BindingID) {
        self.providerID = providerID
        self.bindingID = bindingID
    }
}
