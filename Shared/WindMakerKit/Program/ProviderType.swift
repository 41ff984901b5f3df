/// The kind of provider, from the program's five tracks.
///
/// `strategic` providers join by platform invitation only; the others apply and are reviewed.
public enum ProviderType: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Local service providers, organised by region (the registry requires one).
    case local = "LOCAL"
    /// Brand service providers.
    case brand = "BRAND"
    /// The "goods alliance": matching streamers with products.
    case matchmaking = "MATCHMAKING"
    /// Base or cluster providers that host streamers and factories.
    case base = "BASE"
    /// Strategic core providers, by invitation only.
    case strategic = "STRATEGIC"

    /// The upper-case name used on the wire and in storage, e.g. `LOCAL`.
    public var description: String { self.rawValue }
}
