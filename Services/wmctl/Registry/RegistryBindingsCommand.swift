import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry bindings (--provider ID | --client-kind K --client-id ID) [--on DATE]`: a provider's or a
/// client's bindings, every page.
struct RegistryBindingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bindings",
        abstract: "List a provider's or a client's bindings."
    )

    @Option(name: .customLong("provider"), help: "The provider's id (prv_…).")
    var providerID: String?

    @Option(name: .customLong("client-kind"), help: "The client's kind (with --client-id).")
    var clientKind: EnumArgument<RegistryV1.ClientKind>?

    @Option(name: .customLong("client-id"), help: "The client's id (with --client-kind).")
    var clientID: String?

    @Option(name: .customLong("on"), help: "Only bindings effective on this day, YYYY-MM-DD.")
    var on: DateArgument?

    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        switch (self.providerID, self.clientKind, self.clientID) {
        case (.some, nil, nil), (nil, .some, .some): return
        case (.some, _, _): throw ValidationError("--provider cannot be combined with --client-kind/--client-id")
        default: throw ValidationError("give --provider, or both --client-kind and --client-id")
        }
    }

    func run() async throws {
        var request = RegistryV1.ListBindingsRequest(on: self.on?.value, page: CommonV1.PageRequest())
        if let providerID { request.providerId = providerID }
        if let clientKind, let clientID { request.client = RegistryV1.ClientRef(kind: clientKind.value, id: clientID) }
        var bindings: [RegistryV1.Binding] = []
        let flags = FlagNames([
            "provider_id": "--provider", "client": "--client-id", "client.kind": "--client-kind",
            "client.id": "--client-id", "on": "--on",
        ])
        try await RegistryCall.run(self.connection, flags: flags) { registry in
            while true {
                let response = try await registry.listBindings(request, options: self.connection.callOptions)
                bindings += response.bindings
                guard let token = response.page?.nextPageToken, !token.isEmpty else { return }
                request.page?.pageToken = token
            }
        }
        if self.connection.json {
            JSONOutput.print(["bindings": .array(bindings.map(RegistryJSON.binding))])
        } else {
            print(RegistryTables.bindings(bindings))
        }
    }
}
