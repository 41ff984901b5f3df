public import WindMakerKit

/// A binding's identity: `bnd_` followed by 16 lower-case base32 characters (80 random bits).
///
/// The server assigns it when a binding is proposed; confirming or ending the binding keeps it.
///
/// ```swift
/// let id = BindingID.random()             // e.g. bnd_k3qz7m2xa5bdwe4t
/// let parsed = try BindingID("bnd_k3qz7m2xa5bdwe4t")
/// ```
public struct BindingID: RandomIdentifier {
    /// The prefix every binding id starts with.
    package static let prefix = "bnd_"
    /// How many random base32 characters follow the prefix.
    package static let randomLength = 16
    package static let noun = "binding id"

    /// The canonical text form, e.g. `bnd_k3qz7m2xa5bdwe4t`.
    public let rawValue: String

    package init(validRawValue rawValue: String) {
        self.rawValue = rawValue
    }
}
