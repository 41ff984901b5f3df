import ArgumentParser
import Foundation

/// The operator CLI: speaks the RPC protocol to any Wind Maker server.
@main
struct WMCtl: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wmctl",
        abstract: "Operate Wind Maker services over mutual TLS.",
        subcommands: [
            HealthCommand.self, MethodsCommand.self, RegistryCommand.self, AssessmentCommand.self,
            IncentiveCommand.self, AdminCommand.self, DemoCommand.self, ReportCommand.self,
        ]
    )

    /// Runs the chosen command; a refused call (`CLIError`) prints `CODE: message` (and any field violations) to
    /// standard error and exits 2, apart from usage errors (64, an argument that is not UTF-8 among them) and other
    /// failures (1).
    static func main() async {
        do {
            var command = try Self.parse(commandLine: try RawArguments.text(RawArguments.current()))
            if var command = command as? any AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch let error as InvalidUTF8Argument {
            FileHandle.standardError.write(Data("Error: \(error)\n".utf8))
            Self.exit(withError: ExitCode(64))
        } catch let error as CLIError {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            Self.exit(withError: ExitCode(2))
        } catch {
            Self.exit(withError: error)
        }
    }

    /// The command `arguments` (without the program name) choose, with repeated arguments folded first so that
    /// parsing takes time linear in their number (``ArgumentFolding``).
    static func parse(commandLine arguments: [String]) throws -> any ParsableCommand {
        try Self.parseAsRoot(ArgumentFolding.fold(arguments, root: Self.self))
    }
}
