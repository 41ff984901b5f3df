import NIOCore
import NIOHTTP1

/// Answers one HTTP request per connection: `GET /metrics` (or `HEAD`) with the exposition, anything else with 404
/// or 405, then closes. A body is not expected; more than ``maximumBodyBytes`` of one closes the connection.
final class MetricsHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let maximumBodyBytes = 4_096

    private let endpoint: MetricsEndpoint
    private var head: HTTPRequestHead?
    private var bodyBytes = 0
    private var answered = false

    init(endpoint: MetricsEndpoint) {
        self.endpoint = endpoint
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch self.unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
        case .body(let body):
            self.bodyBytes += body.readableBytes
            if self.bodyBytes > Self.maximumBodyBytes { context.close(promise: nil) }
        case .end:
            guard let head = self.head, !self.answered else { return }
            self.answered = true
            self.answer(head, context: context)
        }
    }

    /// A request the decoder could not read: answered 400 once, then the connection is closed (whatever else the
    /// peer sends is not read).
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !self.answered else { return context.close(promise: nil) }
        self.answered = true
        self.respond(.badRequest, "bad request: not an HTTP/1.1 request (\(error))\n", context: context)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
        } else {
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func answer(_ head: HTTPRequestHead, context: ChannelHandlerContext) {
        let path = Self.path(head.uri)
        guard head.method == .GET || head.method == .HEAD else {
            return self.respond(.methodNotAllowed, "only GET /metrics is served\n", context: context)
        }
        guard path == "/metrics" else {
            return self.respond(.notFound, "not found: metrics are at /metrics\n", context: context)
        }
        let includeBody = head.method == .GET
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let endpoint = self.endpoint
        // Reading the domain gauges touches the store: done in a task, the answer written back on the loop.
        Task {
            let body = await endpoint.render()
            loop.execute {
                let (handler, context) = bound.value
                // Closed meanwhile (its lifetime ran out while the gauges were read): nothing to answer.
                guard context.channel.isActive else { return }
                handler.respond(
                    .ok,
                    bytes: body,
                    contentType: "text/plain; version=0.0.4; charset=utf-8",
                    includeBody: includeBody,
                    context: context
                )
            }
        }
    }

    /// The path of a request target, also in absolute form (`http://host/metrics`), without its query.
    static func path(_ target: String) -> String {
        var rest = Substring(target)
        if let scheme = rest.range(of: "://"), rest[..<scheme.lowerBound].allSatisfy(\.isLetter) {
            rest = rest[scheme.upperBound...]
            rest = rest.firstIndex(of: "/").map { rest[$0...] } ?? "/"
        }
        return String(rest.prefix { $0 != "?" })
    }

    private func respond(_ status: HTTPResponseStatus, _ text: String, context: ChannelHandlerContext) {
        self.respond(status, bytes: Array(text.utf8), contentType: "text/plain; charset=utf-8", context: context)
    }

    private func respond(
        _ status: HTTPResponseStatus,
        bytes: [UInt8],
        contentType: String,
        includeBody: Bool = true,
        context: ChannelHandlerContext
    ) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: contentType)
        headers.add(name: "Content-Length", value: String(bytes.count))
        headers.add(name: "Connection", value: "close")
        context.write(
            self.wrapOutboundOut(.head(HTTPResponseHead(version: .http1_1, status: status, headers: headers))),
            promise: nil
        )
        if includeBody && !bytes.isEmpty {
            context.write(self.wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: bytes)))), promise: nil)
        }
        context.writeAndFlush(self.wrapOutboundOut(.end(nil))).whenComplete { _ in context.close(promise: nil) }
    }
}
