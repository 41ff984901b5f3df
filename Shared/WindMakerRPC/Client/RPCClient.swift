public import WindMakerMessages

/// Makes typed calls to one server through a transport, with interceptors, deadlines and retries.
///
/// Generated clients wrap it; it can also be used directly with a descriptor:
///
/// ```swift
/// let response = try await client.unary(HealthV1.Health.Method.check, request: .init(), response: HealthV1.HealthCheckResponse.self)
/// ```
public struct RPCClient: Sendable {
    private let transport: any ClientTransport
    private let interceptors: [any ClientInterceptor]
    private let retryPolicy: RetryPolicy

    public init(
        transport: any ClientTransport,
        interceptors: [any ClientInterceptor] = [],
        retryPolicy: RetryPolicy = RetryPolicy()
    ) {
        self.transport = transport
        self.interceptors = interceptors
        self.retryPolicy = retryPolicy
    }

    /// Calls a unary method and returns the response.
    public func unary<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        request: Request,
        response: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) async throws -> Response {
        try await self.unaryWithMetadata(descriptor, request: request, response: response, options: options).message
    }

    /// Calls a unary method and returns the response with the server's trailing metadata.
    public func unaryWithMetadata<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        request: Request,
        response: Response.Type = Response.self,
        options: CallOptions = CallOptions()
    ) async throws -> ClientResponse<Response> {
        try await self.run(descriptor, options, retryWholeCall: true) { stream in
            try await stream.send(request, endOfStream: true)
            return try await Self.singleResponse(Response.self, from: stream, descriptor: descriptor)
        }
    }

    /// Calls a server-streaming method; `body` reads the responses and its result is returned.
    public func serverStreaming<Request: ProtoMessage, Response: ProtoMessage, Result: Sendable>(
        _ descriptor: MethodDescriptor,
        request: Request,
        response: Response.Type = Response.self,
        options: CallOptions = CallOptions(),
        body: (ResponseStream<Response>) async throws -> Result
    ) async throws -> Result {
        try await self.run(descriptor, options, retryWholeCall: false) { stream in
            try await stream.send(request, endOfStream: true)
            return try await body(ResponseStream(stream: stream))
        }
    }

    /// Calls a client-streaming method; `requests` writes the requests, then the one response is returned.
    public func clientStreaming<Request: ProtoMessage, Response: ProtoMessage>(
        _ descriptor: MethodDescriptor,
        request: Request.Type = Request.self,
        response: Response.Type = Response.self,
        options: CallOptions = CallOptions(),
        requests: (RequestWriter<Request>) async throws -> Void
    ) async throws -> ClientResponse<Response> {
        try await self.run(descriptor, options, retryWholeCall: false) { stream in
            try await requests(RequestWriter(stream: stream))
            try await stream.finishSending()
            return try await Self.singleResponse(Response.self, from: stream, descriptor: descriptor)
        }
    }

    /// The deadline for a call: its own timeout, capped by the deadline of the handler making it, if any.
    func deadline(for options: CallOptions) -> ContinuousClock.Instant? {
        let own = options.timeout.map { ContinuousClock.now.advanced(by: $0) }
        switch (own, ServerContext.current?.deadline) {
        case let (own?, inherited?): return min(own, inherited)
        case let (own, inherited): return own ?? inherited
        }
    }

    private func run<Output: Sendable>(
        _ descriptor: MethodDescriptor,
        _ options: CallOptions,
        retryWholeCall: Bool,
        attempt: (any ClientStream) async throws -> Output
    ) async throws -> Output {
        var metadata = options.metadata
        metadata.set(Metadata.Keys.requestID, RequestID.forCall(options.metadata))
        let call = ClientCallInfo(
            descriptor: descriptor,
            metadata: metadata,
            deadline: self.deadline(for: options),
            isIdempotent: options.isIdempotent
        )
        return try await self.interceptors[...].intercept(call) { call in
            try await self.withRetries(call, retryWholeCall: retryWholeCall, attempt: attempt)
        }
    }

    private func withRetries<Output: Sendable>(
        _ call: ClientCallInfo,
        retryWholeCall: Bool,
        attempt: (any ClientStream) async throws -> Output
    ) async throws -> Output {
        var attemptNumber = 1
        do {
            while true {
                let stream: any ClientStream
                do {
                    stream = try await self.transport.openStream(call)
                } catch let error as RPCError {
                    try await self.waitBeforeRetry(after: error, call: call, attemptNumber: &attemptNumber)
                    continue
                }
                // However the attempt ends (a streaming body may return or throw early), the call ends with it;
                // for a call that is already over this does nothing.
                defer { stream.cancel() }
                do {
                    return try await withTaskCancellationHandler {
                        try await attempt(stream)
                    } onCancel: {
                        stream.cancel()
                    }
                } catch let error as RPCError {
                    // A streaming body has already consumed or produced messages: only opening it is retried.
                    guard retryWholeCall else { throw error.strippingRetryMarker() }
                    try await self.waitBeforeRetry(after: error, call: call, attemptNumber: &attemptNumber)
                }
            }
        } catch is CancellationError {
            throw RPCError(.cancelled, "the call was cancelled by the client")
        }
    }

    /// Sleeps before the next attempt, or throws `error` when the policy or the deadline rules one out.
    private func waitBeforeRetry(after error: RPCError, call: ClientCallInfo, attemptNumber: inout Int) async throws {
        attemptNumber += 1
        guard attemptNumber <= self.retryPolicy.maxAttempts,
            self.retryPolicy.shouldRetry(error, isIdempotent: call.isIdempotent)
        else { throw error.strippingRetryMarker() }
        let wait = self.retryPolicy.backoff(beforeAttempt: attemptNumber)
        if let deadline = call.deadline, ContinuousClock.now.advanced(by: wait) >= deadline {
            throw error.strippingRetryMarker()
        }
        try await Task.sleep(for: wait)
    }

    private static func singleResponse<Response: ProtoMessage>(
        _: Response.Type,
        from stream: any ClientStream,
        descriptor: MethodDescriptor
    ) async throws -> ClientResponse<Response> {
        guard let message = try await stream.receive(as: Response.self) else {
            throw RPCError(.internal, "\(descriptor.fullName) ended without a response message")
        }
        guard try await stream.receive(as: Response.self) == nil else {
            stream.cancel()
            throw RPCError(.internal, "\(descriptor.fullName) sent more than one response message")
        }
        return ClientResponse(message: message, trailingMetadata: stream.trailingMetadata)
    }
}

extension ArraySlice where Element == any ClientInterceptor {
    fileprivate func intercept<Output: Sendable>(
        _ call: ClientCallInfo,
        body: (ClientCallInfo) async throws -> Output
    ) async throws -> Output {
        guard let first = self.first else {
            return try await body(call)
        }
        return try await first.intercept(call) { call in
            try await self.dropFirst().intercept(call, body: body)
        }
    }
}

extension RPCError {
    /// The error as the caller sees it: the transport's internal not-processed marker removed.
    fileprivate func strippingRetryMarker() -> RPCError {
        guard self.wasNotProcessed else { return self }
        var error = self
        error.metadata.set(RPCError.notProcessedKey, nil)
        return error
    }
}
