import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct InvitationTests {
    static let issuedAt = Fixtures.now
    static let expiresAt = Fixtures.now.adding(seconds: 7 * 86_400)

    static func invitation(redeemedAt: Timestamp? = nil) throws -> Invitation {
        var generator = SeededGenerator(seed: 9)
        var invitation = try Invitation.issue(
            for: CreditCode(Fixtures.creditCode),
            by: Fixtures.operatorID,
            at: Self.issuedAt,
            expiresAt: Self.expiresAt,
            using: &generator
        )
        invitation.redeemedAt = redeemedAt
        return invitation
    }

    static let cases:
        [(name: String, redeemedAt: Timestamp?, at: Timestamp, code: String, expected: Invitation.Redeemability)] = [
            ("valid", nil, Fixtures.now.adding(seconds: 60), Fixtures.creditCode, .redeemable),
            (
                "valid at the last microsecond", nil, expiresAt.adding(microseconds: -1), Fixtures.creditCode,
                .redeemable
            ),
            ("expired at expiry", nil, expiresAt, Fixtures.creditCode, .notRedeemable(.expired(at: expiresAt))),
            (
                "expired later", nil, expiresAt.adding(seconds: 1), Fixtures.creditCode,
                .notRedeemable(.expired(at: expiresAt))
            ),
            (
                "used", Fixtures.now.adding(seconds: 5), Fixtures.now.adding(seconds: 60), Fixtures.creditCode,
                .notRedeemable(.alreadyUsed(at: Fixtures.now.adding(seconds: 5)))
            ),
            (
                "used and expired", Fixtures.now.adding(seconds: 5), expiresAt.adding(seconds: 1), Fixtures.creditCode,
                .notRedeemable(.alreadyUsed(at: Fixtures.now.adding(seconds: 5)))
            ),
            (
                "another company", nil, Fixtures.now.adding(seconds: 60), Fixtures.otherCreditCode,
                .notRedeemable(.issuedForAnotherCreditCode)
            ),
            (
                "another company, used and expired", Fixtures.now, expiresAt.adding(seconds: 1),
                Fixtures.otherCreditCode, .notRedeemable(.issuedForAnotherCreditCode)
            ),
        ]

    @Test(arguments: Self.cases)
    func redeemability(
        name: String,
        redeemedAt: Timestamp?,
        at time: Timestamp,
        code: String,
        expected: Invitation.Redeemability
    ) throws {
        let invitation = try Self.invitation(redeemedAt: redeemedAt)
        #expect(invitation.redeemability(at: time, for: try CreditCode(code)) == expected, "\(name)")
    }

    @Test func redeemingIsSingleUse() throws {
        var invitation = try Self.invitation()
        let code = try CreditCode(Fixtures.creditCode)
        let first = ProviderID.random()
        let time = Fixtures.now.adding(seconds: 60)
        try invitation.redeem(at: time, for: code, providerID: first)
        #expect(invitation.redeemedAt == time)
        #expect(invitation.redeemedProviderID == first)
        #expect(throws: RegistryError.invitationRequired(.alreadyUsed(at: time))) {
            try invitation.redeem(at: time.adding(seconds: 1), for: code, providerID: .random())
        }
        #expect(invitation.redeemedProviderID == first)
    }

    @Test func expiryMustFollowIssue() throws {
        var generator = SeededGenerator(seed: 1)
        #expect(
            throws: RegistryError.invalidArgument([
                FieldViolation(field: "expires_at", description: "must be after the issue time")
            ])
        ) {
            try Invitation.issue(
                for: CreditCode(Fixtures.creditCode),
                by: Fixtures.operatorID,
                at: Fixtures.now,
                expiresAt: Fixtures.now,
                using: &generator
            )
        }
    }

    @Test func issuedInvitationsGetDistinctCodes() throws {
        let code = try CreditCode(Fixtures.creditCode)
        let a = try Invitation.issue(for: code, by: Fixtures.operatorID, at: Self.issuedAt, expiresAt: Self.expiresAt)
        let b = try Invitation.issue(for: code, by: Fixtures.operatorID, at: Self.issuedAt, expiresAt: Self.expiresAt)
        #expect(a.code != b.code)
        #expect(a.issuedBy == Fixtures.operatorID)
    }
}
