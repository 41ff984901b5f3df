import ArgumentParser
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// `wmctl health [SERVICE]`: whether a server, or one service on it, is serving. Exits 1 when it is not.
struct HealthCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "health",
        abstract: "Check that a server (or one service on it) is serving."
    )

    @Argument(help: "A fully qualified service name; omit for the whole server.")
    var service: String = ""

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let (client, connection) = try self.connection.connect()
        defer { Task { await connection.close() } }
        let status: HealthV1.ServingStatus
        do {
            let response = try await HealthV1.Health.Client(client).check(
                HealthV1.HealthCheckRequest(service: self.service),
                options: self.connection.callOptions
            )
            status = response.status
        } catch let error as RPCError {
            throw CLIError(error)
        }
        let name = self.service.isEmpty ? "server" : self.service
        let text = Self.name(of: status)
        if self.connection.json {
            print(JSONOutput.object(["service": .string(name), "status": .string(text)]))
        } else {
            print(Table(header: ["SERVICE", "STATUS"], rows: [[name, text]]).rendered)
        }
        if status != .serving { throw ExitCode(1) }
    }

    static func name(of status: HealthV1.ServingStatus) -> String {
        switch status {
        case .serving: "SERVING"
        case .notServing: "NOT_SERVING"
        case .serviceUnknown: "SERVICE_UNKNOWN"
        case .unknown: "UNKNOWN"
        case .unrecognized(let value): "UNRECOGNIZED(\(value))"
        }
    }
}
