public import WindMakerMessages
public import WindMakerRPC
public import WindMakerServiceAPI

/// `windmaker.health.v1.Health`: whether the server, or one service on it, is serving.
public struct HealthService: HealthV1.Health.ServiceProtocol {
    /// The longest service name asked about, in UTF-8 bytes: fully qualified names are far shorter, and a longer one
    /// is refused without being echoed (a 4 MiB name in the message would not fit in the reply's frame).
    public static let maximumServiceNameLength = 256

    private let registry: HealthStatusRegistry

    public init(registry: HealthStatusRegistry) {
        self.registry = registry
    }

    public func check(
        request: HealthV1.HealthCheckRequest,
        context: ServerContext
    ) async throws -> HealthV1.HealthCheckResponse {
        try Self.checkName(request.service)
        guard let status = self.registry.status(of: request.service) else {
            throw RPCError(.notFound, "no service named \"\(request.service)\" on this server")
        }
        return HealthV1.HealthCheckResponse(status: status)
    }

    public func watch(
        request: HealthV1.HealthCheckRequest,
        responses: ResponseWriter<HealthV1.HealthCheckResponse>,
        context: ServerContext
    ) async throws {
        try Self.checkName(request.service)
        for await status in self.registry.updates(of: request.service) {
            try await responses.write(HealthV1.HealthCheckResponse(status: status))
        }
    }

    /// - Throws: `INVALID_ARGUMENT` for a name longer than ``maximumServiceNameLength``.
    private static func checkName(_ service: String) throws(RPCError) {
        let length = service.utf8.count
        guard length <= Self.maximumServiceNameLength else {
            throw RPCError(
                .invalidArgument,
                "service names are at most \(Self.maximumServiceNameLength) bytes, found \(length)"
            )
        }
    }
}
