/// What a provider does for a client under a binding. A client may have a different provider for each scope.
public enum BindingScope: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case storeOperation = "STORE_OPERATION"
    case liveStreamOperation = "LIVE_STREAM_OPERATION"
    case advertising = "ADVERTISING"
    case supplyChain = "SUPPLY_CHAIN"

    /// The upper-case name used on the wire, e.g. `SUPPLY_CHAIN`.
    public var description: String { self.rawValue }
}
