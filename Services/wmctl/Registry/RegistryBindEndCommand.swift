import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry bind end <binding-id> --on YYYY-MM-DD --version N`: ends a binding on a day (the last day served).
struct RegistryBindEndCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "end", abstract: "End a binding (operators).")

    @Argument(help: "The binding's id.")
    var bindingID: String

    @Option(name: .customLong("on"), help: "Last day served, YYYY-MM-DD.")
    var on: DateArgument

    @Option(name: .customLong("version"), help: "The binding's current version.")
    var version: Int64

    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.EndBindingRequest(
            bindingId: self.bindingID,
            end: self.on.value,
            expectedVersion: self.version
        )
        let flags = FlagNames(["binding_id": "<binding-id>", "end": "--on", "expected_version": "--version"])
            .merging(IdempotencyOptions.flags)
        let binding = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.endBinding(request, options: options).binding ?? RegistryV1.Binding()
        }
        RegistryOutput.binding(binding, connection: self.connection, idempotencyKey: key)
    }
}
