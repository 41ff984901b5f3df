import ArgumentParser

/// `wmctl registry reject <provider-id> --version N [--reason …]`.
struct RegistryRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject an applied provider (operators)."
    )

    @OptionGroup var transition: TransitionOptions

    func run() async throws {
        try await self.transition.run { try await $0.reject($1, options: $2) }
    }
}
