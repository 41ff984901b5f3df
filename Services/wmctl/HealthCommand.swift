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
        let (_, connection) = try self.connection.connect()
        defer { Task { await connection.close() } }
        let name = self.service.isEmpty ? "server" : self.service
        // Each instance answers for itself: a balanced call would say only that one of them serves.
        var rows: [(address: String, status: String)] = []
        for endpoint in connection.endpoints {
            let status: HealthV1.ServingStatus
            do {
                let response = try await HealthV1.Health.Client(RPCClient(transport: endpoint.connection)).check(
                    HealthV1.HealthCheckRequest(service: self.service),
                    options: self.connection.callOptions
                )
                status = response.status
            } catch let error as RPCError {
                guard connection.endpoints.count > 1 else { throw CLIError(error) }
                rows.append((endpoint.address, "\(error.code)"))
                continue
            }
            rows.append((endpoint.address, Self.name(of: status)))
        }
        self.print(rows, name: name, several: connection.endpoints.count > 1)
        if rows.contains(where: { $0.status != "SERVING" }) { throw ExitCode(1) }
    }

    private func print(_ rows: [(address: String, status: String)], name: String, several: Bool) {
        if self.connection.json {
            let objects = rows.map { row in
                var fields: [String: JSONOutput.Value] = ["service": .string(name), "status": .string(row.status)]
                if several { fields["address"] = .string(row.address) }
                return JSONOutput.object(fields)
            }
            Swift.print(several ? JSONOutput.array(objects) : objects[0])
        } else if several {
            Swift.print(
                Table(header: ["ADDRESS", "SERVICE", "STATUS"], rows: rows.map { [$0.address, name, $0.status] })
                    .rendered
            )
        } else {
            Swift.print(Table(header: ["SERVICE", "STATUS"], rows: [[name, rows[0].status]]).rendered)
        }
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
