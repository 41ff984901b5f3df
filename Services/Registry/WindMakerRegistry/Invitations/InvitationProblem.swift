public import WindMakerKit

/// Why a strategic provider may not join: the reason ``RegistryError/invitationRequired(_:)`` gives.
public enum InvitationProblem: Hashable, Sendable, CustomStringConvertible {
    /// Applied as `STRATEGIC` without an invitation code.
    case missing
    /// No invitation has this code.
    case unknownCode
    /// The invitation names a different credit code. Says nothing else about the invitation, so a code that leaked
    /// to another company tells it nothing.
    case issuedForAnotherCreditCode
    /// The invitation was redeemed already (invitations are single use).
    case alreadyUsed(at: Timestamp)
    /// The invitation expired.
    case expired(at: Timestamp)

    public var description: String {
        switch self {
        case .missing:
            "strategic providers join by invitation only: redeem the invitation code you were given"
        case .unknownCode:
            "no invitation has this code"
        case .issuedForAnotherCreditCode:
            "this invitation was issued for a different credit code"
        case .alreadyUsed(let time):
            "this invitation was already used (at \(time)); invitations are single use"
        case .expired(let time):
            "this invitation expired at \(time); ask the platform for a new one"
        }
    }
}
