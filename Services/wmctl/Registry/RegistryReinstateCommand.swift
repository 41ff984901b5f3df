import ArgumentParser

/// `wmctl registry reinstate <provider-id> --version N [--reason …]`.
struct RegistryReinstateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reinstate",
        abstract: "Reinstate a suspended provider (operators)."
    )

    @OptionGroup var transition: TransitionOptions

    func run() async throws {
        try await self.transition.run { try await $0.reinstate($1, options: $2) }
    }
}
