import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry list [filters]`: providers in id order, one page or (`--all`) every page.
struct RegistryListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List providers (operators and services)."
    )

    @Option(name: .customLong("type"), help: "Only this type.")
    var type: EnumArgument<RegistryV1.ProviderType>?

    @Option(name: .customLong("status"), help: "Only this status.")
    var status: EnumArgument<RegistryV1.ProviderStatus>?

    @Option(name: .customLong("region"), help: "Only this 6-digit region.")
    var region: String = ""

    @Option(name: .customLong("page-size"), help: "Providers per page (at most 500; 0 for the server's default).")
    var pageSize: Int32 = 0

    @Option(name: .customLong("page-token"), help: "Continue from a previous page's next_page_token.")
    var pageToken: String = ""

    @Flag(name: .customLong("all"), help: "Follow page tokens to the end.")
    var all = false

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var request = RegistryV1.ListProvidersRequest()
        request.type = self.type?.value ?? .unspecified
        request.status = self.status?.value ?? .unspecified
        request.region = self.region
        request.page = CommonV1.PageRequest(pageSize: self.pageSize, pageToken: self.pageToken)
        var providers: [RegistryV1.Provider] = []
        let flags = FlagNames([
            "type": "--type", "status": "--status", "region": "--region", "page.page_size": "--page-size",
            "page.page_token": "--page-token",
        ])
        let nextToken = try await RegistryCall.run(self.connection, flags: flags) { registry in
            while true {
                let response = try await registry.listProviders(request, options: self.connection.callOptions)
                providers += response.providers
                let token = response.page?.nextPageToken ?? ""
                if !self.all || token.isEmpty { return token }
                request.page?.pageToken = token
            }
        }
        if self.connection.json {
            JSONOutput.print([
                "providers": .array(providers.map(RegistryJSON.provider)), "next_page_token": .string(nextToken),
            ])
        } else {
            print(RegistryTables.providers(providers))
            if !nextToken.isEmpty { print("next page: --page-token \(TerminalText.escaped(nextToken))") }
        }
    }
}
