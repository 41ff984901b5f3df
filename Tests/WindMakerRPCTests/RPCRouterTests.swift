import Testing
import WindMakerMessages
import WindMakerRPC

@Suite struct RPCRouterTests {
    @Test func unaryHandlerGetsTheRequestAndItsResponseIsSent() async throws {
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (request: EchoV1.EchoRequest, context) in
            EchoV1.EchoResponse(payload: request.payload, text: "\(context.descriptor.method):\(request.text)")
        }
        let io = FakeServerCallIO(requests: [EchoV1.EchoRequest(payload: [1, 2, 3], text: "hi")])

        let method = try #require(router.method(named: "windmaker.echo.v1.Echo/Echo"))
        try await method.invoke(io, Fixtures.context())

        #expect(io.sent(as: EchoV1.EchoResponse.self) == [EchoV1.EchoResponse(payload: [1, 2, 3], text: "Echo:hi")])
        #expect(io.sentCount == 1)
    }

    /// A transport moves the handler of a large request off its I/O threads by naming an executor with the request.
    @Test func aSingleRequestHandlerRunsOnTheExecutorTheTransportNames() async throws {
        let executor = QueueExecutor()
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (request: EchoV1.EchoRequest, _) in
            EchoV1.EchoResponse(text: executor.isCurrent ? "moved" : "stayed")
        }
        router.registerServerStreaming(Fixtures.expand) {
            (request: EchoV1.EchoRequest, responses: ResponseWriter<EchoV1.EchoResponse>, _) in
            try await responses.write(EchoV1.EchoResponse(text: executor.isCurrent ? "moved" : "stayed"))
        }

        for descriptor in [Fixtures.echo, Fixtures.expand] {
            let method = try #require(router.method(named: descriptor.fullName))
            let moved = FakeServerCallIO(requests: [EchoV1.EchoRequest()], handlerExecutor: executor)
            try await method.invoke(moved, Fixtures.context(descriptor))
            #expect(moved.sent(as: EchoV1.EchoResponse.self).map(\.text) == ["moved"], "\(descriptor)")

            let stayed = FakeServerCallIO(requests: [EchoV1.EchoRequest()])
            try await method.invoke(stayed, Fixtures.context(descriptor))
            #expect(stayed.sent(as: EchoV1.EchoResponse.self).map(\.text) == ["stayed"], "\(descriptor)")
        }
    }

    @Test func aHandlerMovedToAnotherExecutorStillSeesItsCallsContextAndCancellation() async throws {
        let executor = QueueExecutor()
        let started = AsyncStream<Void>.makeStream()
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (_: EchoV1.EchoRequest, context) in
            #expect(executor.isCurrent)
            #expect(ServerContext.current?.descriptor == context.descriptor)
            started.continuation.yield()
            try await Task.sleep(for: .seconds(60))
            return EchoV1.EchoResponse()
        }
        let method = try #require(router.method(named: Fixtures.echo.fullName))
        let io = FakeServerCallIO(requests: [EchoV1.EchoRequest()], handlerExecutor: executor)
        let context = Fixtures.context()
        let call = Task {
            try await ServerContext.$current.withValue(context) { try await method.invoke(io, context) }
        }
        // Cancelled only once the handler runs, so its expectations above are always checked.
        var starts = started.stream.makeAsyncIterator()
        await starts.next()
        call.cancel()
        await #expect(throws: CancellationError.self) { try await call.value }
        #expect(io.sentCount == 0)
    }

    @Test func unaryCallWithoutARequestIsInvalidArgumentNamingTheMethod() async throws {
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (_: EchoV1.EchoRequest, _) -> EchoV1.EchoResponse in
            Issue.record("the handler must not run without a request")
            return EchoV1.EchoResponse()
        }
        let io = FakeServerCallIO()
        let method = try #require(router.method(named: Fixtures.echo.fullName))

        let error = await #expect(throws: RPCError.self) { try await method.invoke(io, Fixtures.context()) }

        #expect(error?.code == .invalidArgument)
        #expect(error?.message == "windmaker.echo.v1.Echo/Echo takes one request message; none was sent")
        #expect(io.sentCount == 0)
    }

    @Test func aHandlerErrorPropagatesAndNothingIsSent() async throws {
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (_: EchoV1.EchoRequest, _) -> EchoV1.EchoResponse in
            throw RPCError(.permissionDenied, "no")
        }
        let io = FakeServerCallIO(requests: [EchoV1.EchoRequest()])
        let method = try #require(router.method(named: Fixtures.echo.fullName))

        await #expect(throws: RPCError(.permissionDenied, "no")) { try await method.invoke(io, Fixtures.context()) }
        #expect(io.sentCount == 0)
    }

    @Test(arguments: [[], [5], [1, 2, 3, 4]] as [[UInt32]])
    func clientStreamingHandlerSumsEveryRequest(counts: [UInt32]) async throws {
        var router = RPCRouter()
        router.registerClientStreaming(Fixtures.collect) { (requests: RequestStream<EchoV1.EchoRequest>, _) in
            var total: UInt32 = 0
            var seen = 0
            for try await request in requests {
                total += request.count
                seen += 1
            }
            return EchoV1.EchoResponse(text: "seen \(seen)", index: total)
        }
        let io = FakeServerCallIO(requests: counts.map { EchoV1.EchoRequest(count: $0) })
        let method = try #require(router.method(named: Fixtures.collect.fullName))

        try await method.invoke(io, Fixtures.context(Fixtures.collect))

        let expected = EchoV1.EchoResponse(text: "seen \(counts.count)", index: counts.reduce(0, +))
        #expect(io.sent(as: EchoV1.EchoResponse.self) == [expected])
        // Every request plus the nil that ends the stream.
        #expect(io.receiveCount == counts.count + 1)
    }

    @Test(arguments: [0, 1, 5] as [UInt32])
    func serverStreamingHandlerWritesEachResponse(count: UInt32) async throws {
        var router = RPCRouter()
        router.registerServerStreaming(Fixtures.expand) {
            (request: EchoV1.EchoRequest, writer: ResponseWriter<EchoV1.EchoResponse>, _) in
            for index in 0 ..< request.count {
                try await writer.write(EchoV1.EchoResponse(text: request.text, index: index))
            }
        }
        let io = FakeServerCallIO(requests: [EchoV1.EchoRequest(text: "x", count: count)])
        let method = try #require(router.method(named: Fixtures.expand.fullName))

        try await method.invoke(io, Fixtures.context(Fixtures.expand))

        let expected = (0 ..< count).map { EchoV1.EchoResponse(text: "x", index: $0) }
        #expect(io.sent(as: EchoV1.EchoResponse.self) == expected)
        #expect(io.sentCount == Int(count))
    }

    @Test func serverStreamingCallWithoutARequestIsInvalidArgument() async throws {
        var router = RPCRouter()
        router.registerServerStreaming(Fixtures.expand) {
            (_: EchoV1.EchoRequest, _: ResponseWriter<EchoV1.EchoResponse>, _) in
            Issue.record("the handler must not run without a request")
        }
        let method = try #require(router.method(named: Fixtures.expand.fullName))

        let error = await #expect(throws: RPCError.self) {
            try await method.invoke(FakeServerCallIO(), Fixtures.context(Fixtures.expand))
        }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix("windmaker.echo.v1.Echo/Expand ") == true)
    }

    @Test func registeredMethodRecordsDescriptorAndMessageTypes() throws {
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (request: EchoV1.EchoRequest, _) in EchoV1.EchoResponse() }

        let method = try #require(router.method(named: "windmaker.echo.v1.Echo/Echo"))
        #expect(method.descriptor == Fixtures.echo)
        #expect(method.requestType == "windmaker.echo.v1.EchoRequest")
        #expect(method.responseType == "windmaker.echo.v1.EchoResponse")
    }

    @Test func unknownNamesAreNotFound() {
        var router = RPCRouter()
        router.registerUnary(Fixtures.echo) { (_: EchoV1.EchoRequest, _) in EchoV1.EchoResponse() }
        #expect(router.method(named: "windmaker.echo.v1.Echo/Missing") == nil)
        #expect(router.method(named: "Echo") == nil)
        #expect(router.method(named: "windmaker.echo.v1.echo/echo") == nil)
    }

    @Test func registeredMethodsAreSortedByFullName() {
        var router = RPCRouter()
        router.register(EchoService())
        #expect(
            router.registeredMethods.map(\.descriptor.fullName) == [
                "windmaker.echo.v1.Echo/Collect",
                "windmaker.echo.v1.Echo/Echo",
                "windmaker.echo.v1.Echo/Expand",
            ]
        )
        #expect(router.registeredMethods.map(\.descriptor.kind) == [.clientStreaming, .unary, .serverStreaming])
    }

    @Test func anEmptyRouterHasNoMethods() {
        #expect(RPCRouter().registeredMethods.isEmpty)
    }
}

/// Registers its methods out of name order, so sorting is observable.
private struct EchoService: RPCService {
    func registerMethods(with router: inout RPCRouter) {
        router.registerServerStreaming(Fixtures.expand) {
            (_: EchoV1.EchoRequest, _: ResponseWriter<EchoV1.EchoResponse>, _) in
        }
        router.registerUnary(Fixtures.echo) { (_: EchoV1.EchoRequest, _) in EchoV1.EchoResponse() }
        router.registerClientStreaming(Fixtures.collect) { (_: RequestStream<EchoV1.EchoRequest>, _) in
            EchoV1.EchoResponse()
        }
    }
}
