import GRPCCore

/// `bench.Echo/Unary`: answers with the request's bytes.
struct RawEchoService: RegistrableRPCService {
    static let unary = MethodDescriptor(fullyQualifiedService: "bench.Echo", method: "Unary")

    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(
            forMethod: Self.unary,
            deserializer: RawBytesDeserializer(),
            serializer: RawBytesSerializer()
        ) { request, context in
            let single = try await ServerRequest(stream: request)
            return StreamingServerResponse(single: ServerResponse(message: single.message))
        }
    }
}
