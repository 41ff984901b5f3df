public import WindMakerMessages
import WindMakerRPC
public import WindMakerRegistry
public import WindMakerServiceAPI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `windmaker.registry.v1.Registry` over a ``Registry``: each call converts its request (violations name the
/// request's fields, e.g. `profile.contact.email`), runs one registry operation as the caller's SPIFFE identity, and
/// converts the result.
///
/// Mutating calls honour the `idempotency-key` request metadata: a retry with the same key and the same request
/// returns the first response without running the operation again; the same key with another request is
/// `INVALID_ARGUMENT`. Storage failures are `INTERNAL` with a generic message; the detail goes to the call's log.
///
/// ```swift
/// let registry = try Registry(database: Database(path: "\(dataDirectory)/registry.sqlite"))
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
    /// Now, as recorded in audit entries, invitations and idempotency records.
    public let clock: @Sendable () -> Timestamp
    /// Where the blocking reads run, off the event loops (writes run on the database's group committer).
    let storage = StorageQueue()

    /// - Parameters:
    ///   - registry: the registry to serve.
    ///   - clock: the time source; tests pass a fixed one. Defaults to the system's real-time clock.
    public init(registry: Registry, clock: @escaping @Sendable () -> Timestamp = RegistryService.systemTime) {
        self.registry = registry
        self.clock = clock
    }

    /// The system's real-time clock (`CLOCK_REALTIME`) in microseconds since the Unix epoch.
    @Sendable public static func systemTime() -> Timestamp {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Timestamp(microsecondsSinceEpoch: Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000)
    }
}
