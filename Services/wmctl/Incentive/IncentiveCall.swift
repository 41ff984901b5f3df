import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

/// Runs calls on the incentive service over one connection (``ServiceCall`` with the incentive's client, on port
/// 7403 unless `--server` or `WM_INCENTIVE_SERVER` says otherwise).
enum IncentiveCall {
    static func run<T>(
        _ options: ConnectionOptions,
        flags: FlagNames = FlagNames(),
        _ body: (IncentiveV1.Incentive.Client) async throws -> T
    ) async throws -> T {
        try await ServiceCall.run(
            options,
            endpoint: .incentive,
            flags: flags,
            client: IncentiveV1.Incentive.Client.init,
            body
        )
    }

    /// Runs one mutating call with the command's idempotency key (the flag's, or a fresh one), naming the key's flag
    /// in refusals; returns the response and the key, which `--json` shows so a timed-out call can be retried.
    static func mutating<T>(
        _ options: ConnectionOptions,
        _ idempotency: IdempotencyOptions,
        flags: FlagNames = FlagNames(),
        _ body: (IncentiveV1.Incentive.Client, CallOptions) async throws -> T
    ) async throws -> (T, key: String) {
        let key = idempotency.resolvedKey()
        let callOptions = IdempotencyOptions.callOptions(options, key: key)
        let response = try await Self.run(options, flags: flags.merging(IdempotencyOptions.flags)) { client in
            try await body(client, callOptions)
        }
        return (response, key)
    }
}
