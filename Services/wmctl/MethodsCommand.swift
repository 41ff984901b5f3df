import ArgumentParser
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// `wmctl methods`: the methods a server serves, with their kinds and message types.
struct MethodsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "methods",
        abstract: "List the methods a server serves."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let (client, connection) = try self.connection.connect()
        defer { Task { await connection.close() } }
        let methods: [ReflectionV1.MethodInfo]
        do {
            methods = try await ReflectionV1.Reflection.Client(client).listMethods(
                ReflectionV1.ListMethodsRequest(),
                options: self.connection.callOptions
            ).methods
        } catch let error as RPCError {
            throw CLIError(error)
        }
        let rows = methods.map { [$0.name, Self.name(of: $0.kind), $0.requestType, $0.responseType] }
        if self.connection.json {
            let objects = rows.map { row in
                JSONOutput.object([
                    "method": .string(row[0]), "kind": .string(row[1]), "request": .string(row[2]),
                    "response": .string(row[3]),
                ])
            }
            print(JSONOutput.array(objects))
        } else {
            print(Table(header: ["METHOD", "KIND", "REQUEST", "RESPONSE"], rows: rows).rendered)
        }
    }

    static func name(of kind: ReflectionV1.MethodKind) -> String {
        switch kind {
        case .unary: "unary"
        case .serverStreaming: "server-streaming"
        case .clientStreaming: "client-streaming"
        case .unspecified: "unspecified"
        case .unrecognized(let value): "unrecognized(\(value))"
        }
    }
}
