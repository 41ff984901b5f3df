import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct RegistryInvitationTests {
    static let day: Int64 = 86_400

    func invite(_ harness: RegistryHarness, number: Int = 1, days: Int = 30) throws -> Invitation {
        try harness.registry.invite(
            creditCode: RegistryHarness.creditCode(number),
            organisationName: "Minjiang Holdings",
            validDays: days,
            actor: Fixtures.operatorID,
            at: Fixtures.now
        )
    }

    func redeem(
        _ harness: RegistryHarness,
        _ code: String,
        number: Int = 1,
        type: ProviderType = .strategic,
        after seconds: Int64 = 60
    ) throws -> Provider {
        try harness.registry.redeemInvitation(
            code: code,
            application: RegistryHarness.application(number, type: type),
            actor: Fixtures.portalID,
            at: Fixtures.now.adding(seconds: seconds)
        )
    }

    @Test func inviteThenRedeemCreatesAnActiveStrategicProvider() throws {
        let harness = try RegistryHarness()
        let invitation = try self.invite(harness)
        #expect(invitation.expiresAt == Fixtures.now.adding(seconds: 30 * Self.day))
        #expect(invitation.organisationName == "Minjiang Holdings")
        let provider = try self.redeem(harness, invitation.code.rawValue)
        #expect(provider.status == .active)
        #expect(provider.profile.type == .strategic)
        let history = try harness.registry.history(of: provider.id)
        #expect(history.map(\.to) == [.active])
        #expect(history.first?.from == nil)
    }

    @Test(arguments: [0, 91, -1])
    func inviteRefusesValidDaysOutsideOneToNinety(days: Int) throws {
        let harness = try RegistryHarness()
        let error = #expect(throws: RegistryError.self) { try self.invite(harness, days: days) }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["valid_days"])
    }

    @Test func inviteRefusesAnInvalidCreditCode() throws {
        let harness = try RegistryHarness()
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.invite(creditCode: "123", validDays: 10, actor: Fixtures.operatorID, at: Fixtures.now)
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["credit_code"])
    }

    @Test func redeemingAnExpiredInvitationSaysItExpired() throws {
        let harness = try RegistryHarness()
        let invitation = try self.invite(harness, days: 1)
        let error = #expect(throws: RegistryError.invitationRequired(.expired(at: invitation.expiresAt))) {
            try self.redeem(harness, invitation.code.rawValue, after: Self.day)
        }
        #expect(error?.description.contains("expired") == true)
        #expect(try harness.rowCounts()["providers"] == 0)
    }

    @Test func redeemingAUsedInvitationSaysItWasUsed() throws {
        let harness = try RegistryHarness()
        let invitation = try self.invite(harness)
        let provider = try self.redeem(harness, invitation.code.rawValue)
        #expect(throws: RegistryError.invitationRequired(.alreadyUsed(at: provider.createdAt))) {
            try self.redeem(harness, invitation.code.rawValue, after: 120)
        }
    }

    @Test func redeemingWithAnotherCreditCodeSaysItIsForAnotherCompany() throws {
        let harness = try RegistryHarness()
        let invitation = try self.invite(harness, number: 1)
        #expect(throws: RegistryError.invitationRequired(.issuedForAnotherCreditCode)) {
            try self.redeem(harness, invitation.code.rawValue, number: 2)
        }
        #expect(try harness.rowCounts()["providers"] == 0)
    }

    @Test func redeemingForAnotherTypeNamesTheTypeField() throws {
        let harness = try RegistryHarness()
        let invitation = try self.invite(harness)
        let error = #expect(throws: RegistryError.self) {
            try self.redeem(harness, invitation.code.rawValue, type: .brand)
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["profile.type"])
        #expect(violations.first?.description.contains("STRATEGIC") == true)
    }

    @Test func redeemingAnUnknownCodeSaysSo() throws {
        let harness = try RegistryHarness()
        #expect(throws: RegistryError.invitationRequired(.unknownCode)) {
            try self.redeem(harness, InvitationCode.random().rawValue)
        }
    }
}
