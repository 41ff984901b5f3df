import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry attribute --scope S --date D KIND:ID …`: which provider served each client in a scope on a day.
struct RegistryAttributeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attribute",
        abstract: "Resolve which provider served each client (operators and services)."
    )

    @Option(
        name: .customLong("scope"),
        help: "What the provider does for the client."
    )
    var scope: EnumArgument<RegistryV1.BindingScope>

    @Option(name: .customLong("date"), help: "The day, YYYY-MM-DD.")
    var date: DateArgument

    @Argument(help: "Clients as KIND:ID, e.g. merchant:m-1001 (kind: merchant, brand or streamer).")
    var clients: [ClientArgument]

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let request = RegistryV1.ResolveAttributionRequest(
            queries: self.clients.map { client in
                RegistryV1.AttributionQuery(client: client.value, scope: self.scope.value, date: self.date.value)
            }
        )
        let attributions = try await RegistryCall.run(self.connection) { registry in
            try await registry.resolveAttribution(request, options: self.connection.callOptions).attributions
        }
        let rows = zip(self.clients, attributions).map { client, attribution in
            [RegistryTables.client(client.value), attribution.providerId, attribution.bindingId]
        }
        if self.connection.json {
            let objects = rows.map { row -> JSONOutput.Value in
                let provider: JSONOutput.Value = row[1].isEmpty ? .null : .string(row[1])
                let binding: JSONOutput.Value = row[2].isEmpty ? .null : .string(row[2])
                return .object(["client": .string(row[0]), "provider_id": provider, "binding_id": binding])
            }
            RegistryJSON.print([
                "scope": .string(self.scope.value.spelling), "date": .string(DateArgument.text(self.date.value)),
                "attributions": .array(objects),
            ])
        } else {
            print(Table(header: ["CLIENT", "PROVIDER", "BINDING"], rows: rows).rendered)
        }
    }
}
