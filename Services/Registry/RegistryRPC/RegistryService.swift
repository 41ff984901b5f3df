public import WindMakerKit
public import WindMakerMessages
import WindMakerRPC
public import WindMakerRegistry
public import WindMakerServiceAPI
public import WindMakerServiceKit

/// `windmaker.registry.v1.Registry` over a ``Registry``: each call converts its request (violations name the
/// request's fields, e.g. `profile.contact.email`), runs one registry operation as the caller's SPIFFE identity, and
/// converts the result.
///
/// Mutating calls honour the `idempotency-key` request metadata: a retry with the same key and the same request
/// returns the first response without running the operation again; the same key with another request is
/// `INVALID_ARGUMENT` (``ServiceCalls`` does this, and maps storage failures: busy is `UNAVAILABLE`, anything else
/// `INTERNAL` with a generic message, the detail in the call's log).
///
/// ```swift
/// let registry = try Registry(database: SQLiteDatabase(path: "\(dataDirectory)/registry.sqlite"))
/// let server = try WindMakerServer(
///     name: "registry",
///     services: [RegistryService(registry: registry)],
///     policy: RegistryAccess.policy,
///     listen: address, tls: tls, logger: logger
/// )
/// ```
///
/// Who may call what is not checked here but by ``RegistryAccess/policy`` in the server's interceptor.
public struct RegistryService: RegistryV1.Registry.ServiceProtocol {
    /// The largest batch ``resolveAttribution(request:context:)`` answers in one call.
    public static let maximumAttributionQueries = 10_000

    /// The operations the calls run.
    public let registry: Registry
    /// Reads off the event loops, idempotent writes, the clock, and statuses for what the operations throw.
    let calls: ServiceCalls

    /// - Parameters:
    ///   - registry: the registry to serve.
    ///   - clock: the time source; tests pass a fixed one. Defaults to the system's real-time clock.
    public init(registry: Registry, clock: @escaping @Sendable () -> Timestamp = SystemClock.now) {
        self.registry = registry
        self.calls = ServiceCalls(service: "registry", database: registry.database, clock: clock)
    }
}
