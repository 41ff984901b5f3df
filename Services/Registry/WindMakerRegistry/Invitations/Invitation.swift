public import WindMakerKit

/// A platform invitation for one company (named by credit code) to join as a `STRATEGIC` provider.
///
/// Issued by an operator, single use, and valid until ``expiresAt`` (exclusive). Redeeming it creates the provider
/// directly in `ACTIVE`.
///
/// ```swift
/// var invitation = try Invitation.issue(for: code, by: operatorID, at: now, expiresAt: now.adding(seconds: 86_400 * 30))
/// if case .notRedeemable(let problem) = invitation.redeemability(at: now, for: applicantCode) { … }
/// try invitation.redeem(at: now, for: applicantCode, providerID: newID)
/// ```
public struct Invitation: Hashable, Sendable {
    /// The secret code the company redeems.
    public var code: InvitationCode
    /// The only company that may redeem it.
    public var creditCode: CreditCode
    /// The invited company's name as the operator wrote it, for people reading the invitation; not checked against
    /// the applicant's legal name.
    public var organisationName: String?
    /// The issuing operator's SPIFFE id.
    public var issuedBy: String
    /// When it was issued.
    public var issuedAt: Timestamp
    /// The first instant it is no longer valid.
    public var expiresAt: Timestamp
    /// When it was redeemed; `nil` until then.
    public var redeemedAt: Timestamp?
    /// The provider created by redeeming it.
    public var redeemedProviderID: ProviderID?

    public init(
        code: InvitationCode,
        creditCode: CreditCode,
        organisationName: String? = nil,
        issuedBy: String,
        issuedAt: Timestamp,
        expiresAt: Timestamp,
        redeemedAt: Timestamp? = nil,
        redeemedProviderID: ProviderID? = nil
    ) {
        self.code = code
        self.creditCode = creditCode
        self.organisationName = organisationName
        self.issuedBy = issuedBy
        self.issuedAt = issuedAt
        self.expiresAt = expiresAt
        self.redeemedAt = redeemedAt
        self.redeemedProviderID = redeemedProviderID
    }

    /// A new invitation with a fresh code.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `expires_at` when it is not after `time`.
    public static func issue<G: RandomNumberGenerator>(
        for creditCode: CreditCode,
        by issuer: String,
        at time: Timestamp,
        expiresAt: Timestamp,
        using generator: inout G
    ) throws(RegistryError) -> Invitation {
        guard expiresAt > time else {
            throw .invalidArgument([FieldViolation(field: "expires_at", description: "must be after the issue time")])
        }
        return Invitation(
            code: .random(using: &generator),
            creditCode: creditCode,
            issuedBy: issuer,
            issuedAt: time,
            expiresAt: expiresAt
        )
    }

    /// ``issue(for:by:at:expiresAt:using:)`` with the system's cryptographic random source.
    public static func issue(
        for creditCode: CreditCode,
        by issuer: String,
        at time: Timestamp,
        expiresAt: Timestamp
    ) throws(RegistryError) -> Invitation {
        var generator = SystemRandomNumberGenerator()
        return try Self.issue(for: creditCode, by: issuer, at: time, expiresAt: expiresAt, using: &generator)
    }

    /// Whether an invitation may be redeemed.
    public enum Redeemability: Hashable, Sendable {
        /// It may.
        case redeemable
        /// It may not, and why.
        case notRedeemable(InvitationProblem)
    }

    /// Whether `creditCode` may redeem this invitation at `time`.
    ///
    /// The credit code is checked first, so a company that is not the invitee learns nothing about the invitation's
    /// state; then single use; then expiry.
    public func redeemability(at time: Timestamp, for creditCode: CreditCode) -> Redeemability {
        if creditCode != self.creditCode { return .notRedeemable(.issuedForAnotherCreditCode) }
        if let redeemedAt = self.redeemedAt { return .notRedeemable(.alreadyUsed(at: redeemedAt)) }
        if time >= self.expiresAt { return .notRedeemable(.expired(at: self.expiresAt)) }
        return .redeemable
    }

    /// Marks the invitation used by `providerID`.
    /// - Throws: ``RegistryError/invitationRequired(_:)`` saying why when it is not redeemable.
    public mutating func redeem(
        at time: Timestamp,
        for creditCode: CreditCode,
        providerID: ProviderID
    )
        throws(RegistryError)
    {
        if case .notRedeemable(let problem) = self.redeemability(at: time, for: creditCode) {
            throw .invitationRequired(problem)
        }
        self.redeemedAt = time
        self.redeemedProviderID = providerID
    }
}
