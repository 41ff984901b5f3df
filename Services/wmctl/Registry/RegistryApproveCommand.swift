import ArgumentParser

/// `wmctl registry approve <provider-id> --version N [--reason …]`.
struct RegistryApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve an applied provider (operators)."
    )

    @OptionGroup var transition: TransitionOptions

    func run() async throws {
        try await self.transition.run { try await $0.approve($1, options: $2) }
    }
}
