import ArgumentParser

/// `wmctl registry terminate <provider-id> --version N [--reason …]`.
struct RegistryTerminateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "terminate",
        abstract: "Terminate a provider, ending its bindings (operators)."
    )

    @OptionGroup var transition: TransitionOptions

    func run() async throws {
        try await self.transition.run { try await $0.terminate($1, options: $2) }
    }
}
