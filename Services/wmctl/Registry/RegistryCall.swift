import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// Runs calls on the registry over one connection, turning RPC failures into `CLIError`s.
enum RegistryCall {
    static func run<T>(
        _ options: ConnectionOptions,
        _ body: (RegistryV1.Registry.Client) async throws -> T
    ) async throws -> T {
        let (client, connection) = try options.connect()
        defer { Task { await connection.close() } }
        do {
            return try await body(RegistryV1.Registry.Client(client))
        } catch let error as RPCError {
            throw CLIError(error)
        }
    }
}
