import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry bind propose …`: a provider proposes serving a client in a scope from a date.
struct RegistryBindProposeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "propose",
        abstract: "Propose a binding (provider portal)."
    )

    @Option(name: .customLong("provider"), help: "The provider's id (prv_…).")
    var providerID: String

    @Option(name: .customLong("client-kind"), help: "The client's kind.")
    var clientKind: EnumArgument<RegistryV1.ClientKind>

    @Option(name: .customLong("client-id"), help: "The client's id.")
    var clientID: String

    @Option(
        name: .customLong("scope"),
        help: "What the provider does for the client."
    )
    var scope: EnumArgument<RegistryV1.BindingScope>

    @Option(name: .customLong("start"), help: "First day served, YYYY-MM-DD.")
    var start: DateArgument

    @Option(name: .customLong("end"), help: "Last day served, YYYY-MM-DD (omit for open-ended).")
    var end: DateArgument?

    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.ProposeBindingRequest(
            providerId: self.providerID,
            client: RegistryV1.ClientRef(kind: self.clientKind.value, id: self.clientID),
            scope: self.scope.value,
            start: self.start.value,
            end: self.end?.value
        )
        let flags = FlagNames([
            "provider_id": "--provider", "client": "--client-id", "client.kind": "--client-kind",
            "client.id": "--client-id", "scope": "--scope", "start": "--start", "end": "--end",
        ]).merging(IdempotencyOptions.flags)
        let binding = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.proposeBinding(request, options: options).binding ?? RegistryV1.Binding()
        }
        RegistryOutput.binding(binding, connection: self.connection, idempotencyKey: key)
    }
}
