import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry invite --credit-code … --organisation … --valid-days N`: an operator invites a strategic
/// provider.
struct RegistryInviteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Invite a strategic provider by credit code (operators)."
    )

    @Option(name: .customLong("credit-code"), help: "The invited organisation's unified social credit code.")
    var creditCode: String

    @Option(name: .customLong("organisation"), help: "The invited organisation's name.")
    var organisation: String

    @Option(name: .customLong("valid-days"), help: "Days until the invitation expires.")
    var validDays: UInt32

    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.InviteRequest(
            creditCode: self.creditCode,
            organisationName: self.organisation,
            validDays: self.validDays
        )
        let flags = FlagNames([
            "credit_code": "--credit-code", "organisation_name": "--organisation", "valid_days": "--valid-days",
        ]).merging(IdempotencyOptions.flags)
        let invitation = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.invite(request, options: options).invitation ?? RegistryV1.Invitation()
        }
        if self.connection.json {
            JSONOutput.print(["invitation": RegistryJSON.invitation(invitation)], idempotencyKey: key)
        } else {
            let rows = [
                ["code", invitation.code], ["credit code", invitation.creditCode],
                ["organisation", invitation.organisationName], ["issued by", invitation.issuedBy],
                ["expires", TimestampText.text(invitation.expiresAt)],
            ]
            print(Table(header: ["FIELD", "VALUE"], rows: rows).rendered)
        }
    }
}
