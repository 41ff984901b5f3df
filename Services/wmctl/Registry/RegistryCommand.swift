import ArgumentParser

/// `wmctl registry …`: providers, invitations, bindings and attribution on the registry service.
struct RegistryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "registry",
        abstract: "Manage service providers, invitations, bindings and attribution.",
        subcommands: [
            RegistryApplyCommand.self, RegistryInviteCommand.self, RegistryRedeemCommand.self,
            RegistryApproveCommand.self, RegistryRejectCommand.self, RegistrySuspendCommand.self,
            RegistryReinstateCommand.self, RegistryTerminateCommand.self, RegistryGetCommand.self,
            RegistryListCommand.self, RegistryHistoryCommand.self, RegistryBindCommand.self,
            RegistryBindingsCommand.self, RegistryAttributeCommand.self,
        ]
    )
}
