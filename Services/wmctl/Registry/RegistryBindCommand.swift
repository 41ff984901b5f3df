import ArgumentParser

/// `wmctl registry bind propose|confirm|end`: the life of a provider–client binding.
struct RegistryBindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bind",
        abstract: "Propose, confirm or end a binding between a provider and a client.",
        subcommands: [RegistryBindProposeCommand.self, RegistryBindConfirmCommand.self, RegistryBindEndCommand.self]
    )
}
