import WindMakerMessages
import WindMakerServiceAPI

/// Runs calls on the registry over one connection (``ServiceCall`` with the registry's client).
enum RegistryCall {
    /// - Parameter flags: the flags of the command making the call, to name in field violations.
    static func run<T>(
        _ options: ConnectionOptions,
        flags: FlagNames = FlagNames(),
        _ body: (RegistryV1.Registry.Client) async throws -> T
    ) async throws -> T {
        try await ServiceCall.run(options, flags: flags, client: RegistryV1.Registry.Client.init, body)
    }
}
