import Testing
import WindMakerMessages
import WindMakerRPC

@Suite struct RPCClientDeadlineTests {
    private static func call(_ client: RPCClient, timeout: Duration?) async throws {
        _ = try await client.unary(
            Fixtures.echo,
            request: EchoV1.EchoRequest(),
            response: EchoV1.EchoResponse.self,
            options: CallOptions(timeout: timeout)
        )
    }

    @Test func withoutATimeoutOrAHandlerThereIsNoDeadline() async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse()])])
        try await Self.call(RPCClient(transport: transport), timeout: nil)
        #expect(transport.openedCalls.count == 1)
        #expect(transport.openedCalls.first?.deadline == nil)
    }

    @Test func aTimeoutBecomesADeadlineFromNow() async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse()])])
        let before = ContinuousClock.now
        try await Self.call(RPCClient(transport: transport), timeout: .seconds(30))
        let after = ContinuousClock.now

        let deadline = try #require(transport.openedCalls.first?.deadline)
        #expect(deadline >= before.advanced(by: .seconds(30)))
        #expect(deadline <= after.advanced(by: .seconds(30)))
    }

    @Test(arguments: [nil, .seconds(60)] as [Duration?])
    func insideAHandlerALongerOrMissingTimeoutGetsTheHandlersDeadline(timeout: Duration?) async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse()])])
        let handlerDeadline = ContinuousClock.now.advanced(by: .seconds(10))

        try await ServerContext.$current.withValue(Fixtures.context(deadline: handlerDeadline)) {
            try await Self.call(RPCClient(transport: transport), timeout: timeout)
        }

        #expect(transport.openedCalls.first?.deadline == handlerDeadline)
    }

    @Test func insideAHandlerAShorterTimeoutWins() async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse()])])
        let handlerDeadline = ContinuousClock.now.advanced(by: .seconds(10))
        let before = ContinuousClock.now

        try await ServerContext.$current.withValue(Fixtures.context(deadline: handlerDeadline)) {
            try await Self.call(RPCClient(transport: transport), timeout: .seconds(1))
        }

        let deadline = try #require(transport.openedCalls.first?.deadline)
        #expect(deadline < handlerDeadline)
        #expect(deadline >= before.advanced(by: .seconds(1)))
        #expect(deadline <= ContinuousClock.now.advanced(by: .seconds(1)))
    }

    @Test func insideAHandlerWithoutADeadlineTheTimeoutApplies() async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse()])])
        let before = ContinuousClock.now

        try await ServerContext.$current.withValue(Fixtures.context(deadline: nil)) {
            try await Self.call(RPCClient(transport: transport), timeout: .seconds(5))
        }

        let deadline = try #require(transport.openedCalls.first?.deadline)
        #expect(deadline >= before.advanced(by: .seconds(5)))
        #expect(deadline <= ContinuousClock.now.advanced(by: .seconds(5)))
    }
}
