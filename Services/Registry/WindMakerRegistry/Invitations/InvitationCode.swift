public import WindMakerKit

/// A strategic invitation's code: `inv_` followed by 26 lower-case base32 characters (130 random bits).
///
/// It is a bearer secret: whoever holds it may redeem the invitation (for the invited credit code only), so it is long
/// enough that it cannot be guessed, and it is drawn from a cryptographic source.
///
/// ```swift
/// let code = InvitationCode.random()           // e.g. inv_k3qz7m2xa5bdwe4tq7hn2cfrj5
/// let parsed = try InvitationCode("inv_k3qz7m2xa5bdwe4tq7hn2cfrj5")
/// ```
public struct InvitationCode: RandomIdentifier {
    /// The prefix every invitation code starts with.
    package static let prefix = "inv_"
    /// How many random base32 characters follow the prefix.
    package static let randomLength = 26
    package static let noun = "invitation code"

    /// The canonical text form, e.g. `inv_k3qz7m2xa5bdwe4tq7hn2cfrj5`.
    public let rawValue: String

    package init(validRawValue rawValue: String) {
        self.rawValue = rawValue
    }
}
