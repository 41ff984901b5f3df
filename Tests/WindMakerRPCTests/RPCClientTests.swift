import Testing
import WindMakerMessages
import WindMakerRPC

@Suite struct RPCClientTests {
    @Test func unaryReturnsTheResponseAndTrailingMetadata() async throws {
        let transport = FakeClientTransport([
            .respond([EchoV1.EchoResponse(text: "pong", index: 1)], trailers: ["cost-units": "3"])
        ])
        let client = RPCClient(transport: transport)

        let response = try await client.unaryWithMetadata(
            Fixtures.echo,
            request: EchoV1.EchoRequest(text: "ping"),
            response: EchoV1.EchoResponse.self,
            options: CallOptions(metadata: ["request-id": "r-1"])
        )

        #expect(response.message == EchoV1.EchoResponse(text: "pong", index: 1))
        #expect(response.trailingMetadata == ["cost-units": "3"])
        let call = try #require(transport.openedCalls.first)
        #expect(transport.openedCalls.count == 1)
        #expect(call.descriptor == Fixtures.echo)
        #expect(call.metadata == ["request-id": "r-1"])
        #expect(call.deadline == nil)
        #expect(call.isIdempotent == false)
        let stream = try #require(transport.streams.first)
        #expect(stream.sent.count == 1)
        #expect(stream.sent.first?.message as? EchoV1.EchoRequest == EchoV1.EchoRequest(text: "ping"))
        #expect(stream.sent.first?.endOfStream == true)
        #expect(stream.cancelCount == 0)
    }

    @Test func unaryWithoutMetadataReturnsJustTheMessage() async throws {
        let client = RPCClient(transport: FakeClientTransport([.respond([EchoV1.EchoResponse(text: "pong")])]))
        let response = try await client.unary(
            Fixtures.echo,
            request: EchoV1.EchoRequest(),
            response: EchoV1.EchoResponse.self
        )
        #expect(response == EchoV1.EchoResponse(text: "pong"))
    }

    @Test func aServerErrorIsThrownAsItsRPCError() async throws {
        let serverError = RPCError(.notFound, "provider 42 does not exist", metadata: ["request-id": "r-1"])
        let transport = FakeClientTransport([.fail(serverError)])
        let client = RPCClient(transport: transport)

        await #expect(throws: serverError) {
            try await client.unary(Fixtures.echo, request: EchoV1.EchoRequest(), response: EchoV1.EchoResponse.self)
        }
        #expect(transport.openedCalls.count == 1)
    }

    @Test func aUnaryCallWithNoResponseIsInternal() async throws {
        let client = RPCClient(transport: FakeClientTransport([.respond([])]))
        await #expect(throws: RPCError(.internal, "windmaker.echo.v1.Echo/Echo ended without a response message")) {
            try await client.unary(Fixtures.echo, request: EchoV1.EchoRequest(), response: EchoV1.EchoResponse.self)
        }
    }

    @Test func aUnaryCallWithTwoResponsesIsInternalAndCancelled() async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse(), EchoV1.EchoResponse(index: 1)])])
        let client = RPCClient(transport: transport)
        await #expect(throws: RPCError(.internal, "windmaker.echo.v1.Echo/Echo sent more than one response message")) {
            try await client.unary(Fixtures.echo, request: EchoV1.EchoRequest(), response: EchoV1.EchoResponse.self)
        }
        #expect(transport.streams.first?.cancelCount == 1)
    }

    @Test func clientStreamingSendsEveryRequestThenFinishes() async throws {
        let transport = FakeClientTransport([.respond([EchoV1.EchoResponse(index: 6)], trailers: ["k": "v"])])
        let client = RPCClient(transport: transport)

        let response = try await client.clientStreaming(
            Fixtures.collect,
            request: EchoV1.EchoRequest.self,
            response: EchoV1.EchoResponse.self
        ) { writer in
            for count: UInt32 in [1, 2, 3] {
                try await writer.write(EchoV1.EchoRequest(count: count))
            }
        }

        #expect(response.message == EchoV1.EchoResponse(index: 6))
        #expect(response.trailingMetadata == ["k": "v"])
        let stream = try #require(transport.streams.first)
        #expect(stream.sent.compactMap { ($0.message as? EchoV1.EchoRequest)?.count } == [1, 2, 3])
        #expect(stream.sent.allSatisfy { !$0.endOfStream })
        #expect(stream.finishedSending)
    }

    @Test func serverStreamingHandsEveryResponseToTheBody() async throws {
        let responses = (0 ..< 4).map { EchoV1.EchoResponse(index: $0) }
        let transport = FakeClientTransport([.respond(responses)])
        let client = RPCClient(transport: transport)

        let received = try await client.serverStreaming(
            Fixtures.expand,
            request: EchoV1.EchoRequest(count: 4),
            response: EchoV1.EchoResponse.self
        ) { stream in
            var all: [EchoV1.EchoResponse] = []
            for try await response in stream { all.append(response) }
            return all
        }

        #expect(received == responses)
        #expect(transport.streams.first?.sent.first?.endOfStream == true)
    }

    @Test func interceptorsRunInOrderAroundAllAttemptsAndTheirMetadataReachesTheTransport() async throws {
        let log = EventLog()
        let transport = FakeClientTransport([
            .failOpen(RPCError(.unavailable, "no connection", metadata: [RPCError.notProcessedKey: "1"])),
            .respond([EchoV1.EchoResponse()]),
        ])
        let client = RPCClient(
            transport: transport,
            interceptors: [
                AddingMetadata(key: "first", value: "1", log: log),
                AddingMetadata(key: "second", value: "2", log: log),
            ],
            retryPolicy: RetryPolicy(initialBackoff: .milliseconds(1))
        )

        _ = try await client.unary(
            Fixtures.echo,
            request: EchoV1.EchoRequest(),
            response: EchoV1.EchoResponse.self,
            options: CallOptions(metadata: ["request-id": "r-1"])
        )

        #expect(log.events == ["first>", "second>", "<second", "<first"])
        #expect(transport.openedCalls.count == 2)
        for call in transport.openedCalls {
            #expect(call.metadata.entries.map(\.key) == ["request-id", "first", "second"])
            #expect(call.metadata["second"] == "2")
        }
    }
}

private struct AddingMetadata: ClientInterceptor {
    var key: String
    var value: String
    var log: EventLog

    func intercept<Output: Sendable>(
        _ call: ClientCallInfo,
        next: (ClientCallInfo) async throws -> Output
    ) async throws -> Output {
        self.log.append("\(self.key)>")
        var call = call
        call.metadata.add(self.key, self.value)
        let output = try await next(call)
        self.log.append("<\(self.key)")
        return output
    }
}
