import Testing
import WindMakerRPC

@Suite struct ServerInterceptorTests {
    @Test func theFirstInterceptorIsOutermost() async throws {
        let log = EventLog()
        let interceptors: [any ServerInterceptor] = [
            Recording(name: "a", log: log),
            Recording(name: "b", log: log),
            Recording(name: "c", log: log),
        ]

        try await interceptors.intercept(context: Fixtures.context()) { _ in log.append("handler") }

        #expect(log.events == ["a>", "b>", "c>", "handler", "<c", "<b", "<a"])
    }

    @Test func noInterceptorsRunsTheHandlerOnce() async throws {
        let log = EventLog()
        let interceptors: [any ServerInterceptor] = []
        try await interceptors.intercept(context: Fixtures.context()) { context in
            log.append("handler \(context.descriptor.method)")
        }
        #expect(log.events == ["handler Echo"])
    }

    @Test func anInterceptorThatThrowsStopsTheChain() async throws {
        let log = EventLog()
        let interceptors: [any ServerInterceptor] = [
            Recording(name: "a", log: log),
            Refusing(log: log),
            Recording(name: "c", log: log),
        ]

        await #expect(throws: RPCError(.permissionDenied, "Echo is for operators")) {
            try await interceptors.intercept(context: Fixtures.context()) { _ in log.append("handler") }
        }
        // `a` saw the error pass through it, so it never logged a normal exit.
        #expect(log.events == ["a>", "refuse"])
    }

    @Test func anInterceptorCanHandTheNextOneAChangedContext() async throws {
        let log = EventLog()
        let interceptors: [any ServerInterceptor] = [AddsMetadata(), Recording(name: "b", log: log)]

        try await interceptors.intercept(context: Fixtures.context(metadata: ["request-id": "r-1"])) { context in
            log.append(
                "handler \(context.requestMetadata.values(for: "tenant")) \(context.requestMetadata["request-id"] ?? "-")"
            )
        }

        #expect(log.events == ["b>", "handler [\"acme\"] r-1", "<b"])
    }
}

private struct Recording: ServerInterceptor {
    var name: String
    var log: EventLog

    func intercept(context: ServerContext, next: (ServerContext) async throws -> Void) async throws {
        self.log.append("\(self.name)>")
        try await next(context)
        self.log.append("<\(self.name)")
    }
}

private struct Refusing: ServerInterceptor {
    var log: EventLog

    func intercept(context: ServerContext, next: (ServerContext) async throws -> Void) async throws {
        self.log.append("refuse")
        throw RPCError(.permissionDenied, "\(context.descriptor.method) is for operators")
    }
}

private struct AddsMetadata: ServerInterceptor {
    func intercept(context: ServerContext, next: (ServerContext) async throws -> Void) async throws {
        var metadata = context.requestMetadata
        metadata.add("tenant", "acme")
        try await next(
            ServerContext(
                descriptor: context.descriptor,
                peer: context.peer,
                remoteAddress: context.remoteAddress,
                deadline: context.deadline,
                requestMetadata: metadata,
                logger: context.logger
            )
        )
    }
}
