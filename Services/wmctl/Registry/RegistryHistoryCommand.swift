import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry history <provider-id>`: the provider's audit trail, oldest first.
struct RegistryHistoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a provider's status changes (operators)."
    )

    @Argument(help: "The provider's id (prv_…).")
    var providerID: String

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = RegistryV1.ProviderHistoryRequest(providerId: self.providerID)
        let flags = FlagNames(["provider_id": "<provider-id>"])
        let entries = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.providerHistory(request, options: self.connection.callOptions).entries
        }
        if self.connection.json {
            JSONOutput.print(["entries": .array(entries.map(RegistryJSON.audit))])
        } else {
            print(RegistryTables.history(entries))
        }
    }
}
