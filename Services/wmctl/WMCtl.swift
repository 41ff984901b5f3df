import ArgumentParser

/// The operator CLI: speaks the RPC protocol to any Wind Maker server.
@main
struct WMCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wmctl",
        abstract: "Operate Wind Maker services over mutual TLS.",
        subcommands: [HealthCommand.self, MethodsCommand.self]
    )
}
