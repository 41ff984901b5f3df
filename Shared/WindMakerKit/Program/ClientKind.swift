/// The kind of platform account a provider serves.
public enum ClientKind: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case merchant = "MERCHANT"
    case brand = "BRAND"
    case streamer = "STREAMER"

    /// The upper-case name used on the wire, e.g. `STREAMER`.
    public var description: String { self.rawValue }
}
