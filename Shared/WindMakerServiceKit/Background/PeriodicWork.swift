public import Logging
import ServiceLifecycle

/// Background upkeep that runs every so often until the server shuts down gracefully (pruning idempotency keys,
/// expiring proposals).
public enum PeriodicWork {
    /// Runs `body` now and then every `interval` until graceful shutdown; a failed round is logged as `failure`
    /// and retried at the next interval (a busy database is not an emergency for upkeep).
    public static func run(
        every interval: Duration,
        logger: Logger,
        failure: String,
        _ body: @escaping @Sendable () async throws -> Void
    ) async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await body()
                } catch {
                    logger.warning("\(failure)", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
