import ArgumentParser
import Foundation

/// The operator CLI: speaks the RPC protocol to any Wind Maker server.
@main
struct WMCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wmctl",
        abstract: "Operate Wind Maker services over mutual TLS.",
        subcommands: [HealthCommand.self, MethodsCommand.self, RegistryCommand.self]
    )

    /// Runs the chosen command; a refused call (`CLIError`) prints `CODE: message` (and any field violations) to
    /// standard error and exits 2, apart from usage errors (64) and other failures (1).
    static func main() async {
        do {
            var command = try Self.parseAsRoot()
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as CLIError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Self.exit(withError: ExitCode(2))
        } catch {
            Self.exit(withError: error)
        }
    }
}
