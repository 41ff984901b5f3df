public import WindMakerMessages
public import WindMakerRPC
public import WindMakerServiceAPI

/// `windmaker.echo.v1.Echo`: answers with what it was sent. The integration tests' and the benchmark's server:
/// `delay_ms` makes a handler wait (cancellably), `count` sets how many responses `Expand` streams.
public struct EchoService: EchoV1.Echo.ServiceProtocol {
    public init() {}

    public func unary(request: EchoV1.EchoRequest, context: ServerContext) async throws -> EchoV1.EchoResponse {
        try await Self.delay(request, context: context)
        return EchoV1.EchoResponse(payload: request.payload, text: request.text, index: 0)
    }

    public func expand(
        request: EchoV1.EchoRequest,
        responses: ResponseWriter<EchoV1.EchoResponse>,
        context: ServerContext
    ) async throws {
        for index in 0 ..< request.count {
            try await Self.delay(request, context: context)
            try await responses.write(EchoV1.EchoResponse(payload: request.payload, text: request.text, index: index))
        }
    }

    public func collect(
        requests: RequestStream<EchoV1.EchoRequest>,
        context: ServerContext
    ) async throws -> EchoV1.EchoResponse {
        var texts: [String] = []
        var payload: [UInt8] = []
        var collected = 0
        for try await request in requests {
            // The answer must fit in one frame: stop holding requests as soon as it no longer can.
            collected += request.payload.count + request.text.utf8.count + 1
            guard collected <= Self.maximumCollectedBytes else {
                throw RPCError(
                    .resourceExhausted,
                    "Collect answers with everything it received, at most \(Self.maximumCollectedBytes) bytes; "
                        + "this stream sent more"
                )
            }
            texts.append(request.text)
            payload += request.payload
        }
        return EchoV1.EchoResponse(payload: payload, text: texts.joined(separator: ","), index: UInt32(texts.count))
    }

    /// The most `collect` gathers: its answer has to fit in a 4 MiB frame, with room for the rest of the message.
    static let maximumCollectedBytes = 4 * 1024 * 1024 - 4096

    /// Waits `delay_ms`; logs when the wait is cut short, so tests can see the handler observed cancellation.
    private static func delay(_ request: EchoV1.EchoRequest, context: ServerContext) async throws {
        guard request.delayMs > 0 else { return }
        do {
            try await Task.sleep(for: .milliseconds(Int64(request.delayMs)))
        } catch {
            context.logger.notice("handler observed cancellation", metadata: ["echo.text": "\(request.text)"])
            throw error
        }
    }
}
