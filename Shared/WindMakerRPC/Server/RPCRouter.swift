public import WindMakerMessages

/// The table of methods a server serves, built before the server starts and read-only after.
public struct RPCRouter: Sendable {
    private var methods: [String: RegisteredMethod] = [:]

    public init() {}

    /// Registers every method of `service`.
    public mutating func register(_ service: some RPCService) {
        service.registerMethods(with: &self)
    }

    /// Registers a method with one request and one response.
    public mutating func registerUnary<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        request: Request.Type = Request.self,
        response: Response.Type = Response.self,
        handler: @escaping @Sendable (Request, ServerContext) async throws -> Response
    ) {
        self.add(descriptor, Request.self, Response.self) { io, context in
            let (request, executor) = try await Self.singleRequest(Request.self, io: io, descriptor: descriptor)
            guard let executor else { return try await io.sendMessage(try await handler(request, context)) }
            try await Self.run(on: executor) { try await io.sendMessage(try await handler(request, context)) }
        }
    }

    /// Registers a method with one request and a stream of responses.
    public mutating func registerServerStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        request: Request.Type = Request.self,
        response: Response.Type = Response.self,
        handler: @escaping @Sendable (Request, ResponseWriter<Response>, ServerContext) async throws -> Void
    ) {
        self.add(descriptor, Request.self, Response.self) { io, context in
            let (request, executor) = try await Self.singleRequest(Request.self, io: io, descriptor: descriptor)
            guard let executor else { return try await handler(request, ResponseWriter(io: io), context) }
            try await Self.run(on: executor) { try await handler(request, ResponseWriter(io: io), context) }
        }
    }

    /// Registers a method with a stream of requests and one response.
    public mutating func registerClientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        request: Request.Type = Request.self,
        response: Response.Type = Response.self,
        handler: @escaping @Sendable (RequestStream<Request>, ServerContext) async throws -> Response
    ) {
        // Always off the transport's threads: a client stream is bulk work (ingest), and a handler draining a backlog
        // of small messages that arrived together would otherwise hold its connection's event loop for all of them.
        self.add(descriptor, Request.self, Response.self) { io, context in
            try await Self.run(on: globalConcurrentExecutor) {
                try await io.sendMessage(try await handler(RequestStream(io: io), context))
            }
        }
    }

    /// The method registered under `fullName` (`package.Service/Method`).
    public func method(named fullName: String) -> RegisteredMethod? {
        self.methods[fullName]
    }

    /// Every registered method, sorted by name.
    public var registeredMethods: [RegisteredMethod] {
        self.methods.values.sorted { $0.descriptor.fullName < $1.descriptor.fullName }
    }

    private mutating func add<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        _: Request.Type,
        _: Response.Type,
        invoke: @escaping @Sendable (any ServerCallIO, ServerContext) async throws -> Void
    ) {
        precondition(self.methods[descriptor.fullName] == nil, "\(descriptor.fullName) is registered twice")
        self.methods[descriptor.fullName] = RegisteredMethod(
            descriptor: descriptor,
            requestType: Request.protoName,
            responseType: Response.protoName,
            invoke: invoke
        )
    }

    private static func singleRequest<Request: ProtoMessage>(
        _: Request.Type,
        io: any ServerCallIO,
        descriptor: MethodDescriptor
    ) async throws -> (Request, (any TaskExecutor)?) {
        guard let request = try await io.receiveRequest(as: Request.self) else {
            throw RPCError(.invalidArgument, "\(descriptor.fullName) takes one request message; none was sent")
        }
        return (request.message, request.handlerExecutor)
    }

    /// Runs a handler where its transport asked: in a child task, which starts on that executor. Setting the
    /// preference alone would move this task only at its next executor switch, and whether one comes before the
    /// handler's first work (validation, say) depends on the handler's isolation: a `nonisolated(nonsending)` handler
    /// would start on the transport's thread. (Callers run the handler in place when there is no executor, without
    /// forming the escaping closure this needs.)
    private static func run(
        on executor: any TaskExecutor,
        _ handler: @escaping @Sendable () async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask(executorPreference: executor, operation: handler)
            try await group.waitForAll()
        }
    }
}
