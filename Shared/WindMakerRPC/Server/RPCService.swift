/// A service that puts its methods into a router.
///
/// Generated service protocols conform to it; a server is built from a list of services:
///
/// ```swift
/// var router = RPCRouter()
/// router.register(HealthService(...))
/// ```
public protocol RPCService: Sendable {
    /// Registers every method of the service.
    func registerMethods(with router: inout RPCRouter)
}
