import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry attribute --scope S --date D KIND:ID …`: which provider served each client in a scope on a day.
struct RegistryAttributeCommand: AsyncParsableCommand, RepeatedArguments {
    static let repeatedOptions: Set<String> = []
    static let repeatsPositionals = true

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

    @Argument(
        help: ArgumentHelp(
            "Clients as KIND:ID, e.g. merchant:m-1001 (kind: merchant, brand or streamer).",
            valueName: "KIND:ID"
        )
    )
    var clientArguments: [Repeated]

    @OptionGroup var connection: ConnectionOptions

    /// The clients, in order; wmctl folds them (``ArgumentFolding``), so they are checked here rather than by the
    /// parser, which would show a folded argument.
    func clients() throws -> [ClientArgument] {
        try Repeated.values(self.clientArguments).map { text in
            guard let client = ClientArgument(argument: text) else {
                throw ValidationError(
                    "invalid client \"\(TerminalText.escaped(text))\": give KIND:ID, KIND one of merchant, brand or "
                        + "streamer"
                )
            }
            return client
        }
    }

    func validate() throws {
        _ = try self.clients()
    }

    func run() async throws {
        let clients = try self.clients()
        let request = RegistryV1.ResolveAttributionRequest(
            queries: clients.map { client in
                RegistryV1.AttributionQuery(client: client.value, scope: self.scope.value, date: self.date.value)
            }
        )
        let flags = FlagNames([
            "queries": "KIND:ID", "queries.client": "KIND:ID", "queries.scope": "--scope", "queries.date": "--date",
        ])
        let attributions = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.resolveAttribution(request, options: self.connection.callOptions).attributions
        }
        let rows = zip(clients, attributions).map { client, attribution in
            [RegistryTables.client(client.value), attribution.providerId, attribution.bindingId]
        }
        if self.connection.json {
            let objects = rows.map { row -> JSONOutput.Value in
                let provider: JSONOutput.Value = row[1].isEmpty ? .null : .string(row[1])
                let binding: JSONOutput.Value = row[2].isEmpty ? .null : .string(row[2])
                return .object(["client": .string(row[0]), "provider_id": provider, "binding_id": binding])
            }
            JSONOutput.print([
                "scope": .string(self.scope.value.spelling), "date": .string(DateArgument.text(self.date.value)),
                "attributions": .array(objects),
            ])
        } else {
            print(Table(header: ["CLIENT", "PROVIDER", "BINDING"], rows: rows).rendered)
        }
    }
}
