public import WindMakerMessages
public import WindMakerRPC
public import WindMakerServiceAPI

/// `windmaker.health.v1.Health`: whether the server, or one service on it, is serving.
public struct HealthService: HealthV1.Health.ServiceProtocol {
    private let registry: HealthStatusRegistry

    public init(registry: HealthStatusRegistry) {
        self.registry = registry
    }

    public func check(
        request: HealthV1.HealthCheckRequest,
        context: ServerContext
    ) async throws -> HealthV1.HealthCheckResponse {
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
        for await status in self.registry.updates(of: request.service) {
            try await responses.write(HealthV1.HealthCheckResponse(status: status))
        }
    }
}
