public import WindMakerMessages
public import WindMakerRPC
public import WindMakerServiceAPI

/// `windmaker.reflection.v1.Reflection`: the methods a server serves, so tools can discover them.
public struct ReflectionService: ReflectionV1.Reflection.ServiceProtocol {
    private let methods: [ReflectionV1.MethodInfo]

    /// Lists the methods of `router` (taken when the server is built, so it includes this service's own).
    public init(methods: [RegisteredMethod]) {
        self.methods = methods.map { method in
            ReflectionV1.MethodInfo(
                name: method.descriptor.fullName,
                kind: Self.kind(method.descriptor.kind),
                requestType: method.requestType,
                responseType: method.responseType
            )
        }
    }

    public func listMethods(
        request: ReflectionV1.ListMethodsRequest,
        context: ServerContext
    ) async throws -> ReflectionV1.ListMethodsResponse {
        ReflectionV1.ListMethodsResponse(methods: self.methods)
    }

    private static func kind(_ kind: MethodKind) -> ReflectionV1.MethodKind {
        switch kind {
        case .unary: .unary
        case .serverStreaming: .serverStreaming
        case .clientStreaming: .clientStreaming
        }
    }
}
