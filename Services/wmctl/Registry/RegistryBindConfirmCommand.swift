import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl registry bind confirm <binding-id> --version N`: the client side (or an operator) confirms a proposal.
struct RegistryBindConfirmCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "confirm",
        abstract: "Confirm a proposed binding (operators)."
    )

    @Argument(help: "The binding's id.")
    var bindingID: String

    @Option(name: .customLong("version"), help: "The binding's current version.")
    var version: Int64

    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.ConfirmBindingRequest(bindingId: self.bindingID, expectedVersion: self.version)
        let flags = FlagNames(["binding_id": "<binding-id>", "expected_version": "--version"])
            .merging(IdempotencyOptions.flags)
        let binding = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await registry.confirmBinding(request, options: options).binding ?? RegistryV1.Binding()
        }
        RegistryOutput.binding(binding, connection: self.connection, idempotencyKey: key)
    }
}
