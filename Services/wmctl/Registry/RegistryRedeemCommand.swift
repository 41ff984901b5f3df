import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry redeem --code … <profile flags>`: redeems a strategic invitation, creating the `active` provider.
struct RegistryRedeemCommand: AsyncParsableCommand, RepeatedArguments {
    static let repeatedOptions: Set<String> = ["--category"]
    static let repeatsPositionals = false

    static let configuration = CommandConfiguration(
        commandName: "redeem",
        abstract: "Redeem a strategic invitation (provider portal); --type defaults to strategic."
    )

    @Option(name: .customLong("code"), help: "The invitation code.")
    var code: String

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.RedeemInvitationRequest(
            code: self.code,
            profile: self.profile.profile(defaultType: .strategic)
        )
        let flags = ProfileOptions.flags.merging(IdempotencyOptions.flags).merging(FlagNames(["code": "--code"]))
        let provider = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.redeemInvitation(request, options: options).provider ?? RegistryV1.Provider()
        }
        RegistryOutput.provider(provider, connection: self.connection, idempotencyKey: key)
    }
}
