import ArgumentParser
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// What every lifecycle command takes: the provider, the version it expects, an optional reason.
struct TransitionOptions: ParsableArguments {
    @Argument(help: "The provider's id (prv_…).")
    var providerID: String

    @Option(name: .customLong("version"), help: "The provider's current version (a stale one is refused).")
    var version: Int64

    @Option(name: .customLong("reason"), help: "Why; kept in the audit trail.")
    var reason: String = ""

    @OptionGroup var idempotency: IdempotencyOptions
    @OptionGroup var connection: ConnectionOptions

    typealias Call =
        @Sendable (RegistryV1.Registry.Client, RegistryV1.TransitionRequest, CallOptions) async throws
        -> RegistryV1.TransitionResponse

    /// Sends the transition and prints the provider as it now is.
    func run(_ call: Call) async throws {
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let request = RegistryV1.TransitionRequest(
            providerId: self.providerID,
            expectedVersion: self.version,
            reason: self.reason
        )
        let flags = FlagNames([
            "provider_id": "<provider-id>", "expected_version": "--version", "reason": "--reason",
        ]).merging(IdempotencyOptions.flags)
        let provider = try await RegistryCall.run(self.connection, flags: flags) { registry in
            try await call(registry, request, options).provider ?? RegistryV1.Provider()
        }
        RegistryOutput.provider(provider, connection: self.connection, idempotencyKey: key)
    }
}
