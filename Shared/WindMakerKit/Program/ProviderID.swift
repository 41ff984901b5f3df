/// A provider's identity in the registry: `prv_` followed by 16 lower-case base32 characters (80 random bits).
///
/// The server assigns it when a provider is created and it never changes, so other services may store it.
///
/// ```swift
/// let id = ProviderID.random()             // e.g. prv_k3qz7m2xa5bdwe4t
/// let parsed = try ProviderID("prv_k3qz7m2xa5bdwe4t")
/// ```
public struct ProviderID: RandomIdentifier {
    /// The prefix every provider id starts with.
    package static let prefix = "prv_"
    /// How many random base32 characters follow the prefix.
    package static let randomLength = 16
    package static let noun = "provider id"

    /// The canonical text form, e.g. `prv_k3qz7m2xa5bdwe4t`.
    public let rawValue: String

    package init(validRawValue rawValue: String) {
        self.rawValue = rawValue
    }
}
