import WindMakerRPC

/// Runs calls to one service over one connection, turning RPC failures into `CLIError`s: what every service's
/// commands share (`RegistryCall` is the registry's).
enum ServiceCall {
    /// - Parameters:
    ///   - flags: the flags of the command making the call, to name in field violations.
    ///   - client: the service's typed client over the connection, e.g. `RegistryV1.Registry.Client.init`.
    ///   - endpoint: where the service listens unless `--server` says otherwise.
    static func run<Client, T>(
        _ options: ConnectionOptions,
        endpoint: ServiceEndpoint = .registry,
        flags: FlagNames = FlagNames(),
        client: (RPCClient) -> Client,
        _ body: (Client) async throws -> T
    ) async throws -> T {
        let (rpcClient, connection) = try options.connect(endpoint)
        defer { Task { await connection.close() } }
        do {
            return try await body(client(rpcClient))
        } catch let error as RPCError {
            throw CLIError(error, flags: flags)
        }
    }
}
