import ArgumentParser

/// `wmctl registry suspend <provider-id> --version N [--reason …]`.
struct RegistrySuspendCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suspend",
        abstract: "Suspend an active provider (operators)."
    )

    @OptionGroup var transition: TransitionOptions

    func run() async throws {
        try await self.transition.run { try await $0.suspend($1, options: $2) }
    }
}
