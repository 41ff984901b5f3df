import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry apply …`: a provider applies (as the provider portal); it starts `applied`.
struct RegistryApplyCommand: AsyncParsableCommand, RepeatedArguments {
    static let repeatedOptions: Set<String> = ["--category"]
    static let repeatsPositionals = false

    static let configuration = CommandConfiguration(
        commandName: "apply",
        abstract: "Apply as a service provider (provider portal).",
        discussion: """
            Capabilities are RATING:DESCRIPTION, a self-rating 0-100 then free text, e.g.
              wmctl registry apply --display-name Shop --legal-name "Shop Ltd" --credit-code 91350100M000100Y43 \\
                --type local --region 350100 --category food --traffic-operation "70:Runs paid traffic"
            """
    )

    @OptionGroup var profile: ProfileOptions
    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.ApplyRequest(profile: self.profile.profile())
        let flags = ProfileOptions.flags.merging(IdempotencyOptions.flags)
        let provider = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.apply(request, options: options).provider ?? RegistryV1.Provider()
        }
        RegistryOutput.provider(provider, connection: self.connection, idempotencyKey: key)
    }
}
