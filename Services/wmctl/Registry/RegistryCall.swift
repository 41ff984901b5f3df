import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// Runs calls on the registry over one connection, turning RPC failures into `CLIError`s.
enum RegistryCall {
    /// - Parameter flags: the flags of the command making the call, to name in field violations.
    static func run<T>(
        _ options: ConnectionOptions,
        flags: FlagNames = FlagNames(),
        _ body: (RegistryV1.Registry.Client) async throws -> T
    ) async throws -> T {
        let (client, connection) = try options.connect()
        defer { Task { await connection.close() } }
        do {
            return try await body(RegistryV1.Registry.Client(client))
        } catch let error as RPCError {
            throw CLIError(error, flags: flags)
        }
    }
}
