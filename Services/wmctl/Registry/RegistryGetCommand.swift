import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry get <provider-id>`: one provider in full.
struct RegistryGetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "get", abstract: "Show one provider.")

    @Argument(help: "The provider's id (prv_…).")
    var providerID: String

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = RegistryV1.GetProviderRequest(providerId: self.providerID)
        let flags = FlagNames(["provider_id": "<provider-id>"])
        let provider = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.getProvider(request, options: self.connection.callOptions).provider
                ?? RegistryV1.Provider()
        }
        RegistryOutput.provider(provider, connection: self.connection)
    }
}
