import Testing
import WindMakerMessages
import WindMakerRPC

@Suite struct RPCClientRetryTests {
    private static let fastRetries = RetryPolicy(maxAttempts: 3, initialBackoff: .milliseconds(1))

    private static func notProcessed(_ message: String, extra: Metadata = [:]) -> RPCError {
        var metadata = extra
        metadata.add(RPCError.notProcessedKey, "1")
        return RPCError(.unavailable, message, metadata: metadata)
    }

    private static func call(_ client: RPCClient, isIdempotent: Bool = false) async throws -> EchoV1.EchoResponse {
        try await client.unary(
            Fixtures.echo,
            request: EchoV1.EchoRequest(text: "ping"),
            response: EchoV1.EchoResponse.self,
            options: CallOptions(isIdempotent: isIdempotent)
        )
    }

    @Test func aFailedOpenMarkedNotProcessedIsRetried() async throws {
        let transport = FakeClientTransport([
            .failOpen(Self.notProcessed("no connection")),
            .respond([EchoV1.EchoResponse(text: "pong")]),
        ])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        #expect(try await Self.call(client) == EchoV1.EchoResponse(text: "pong"))
        #expect(transport.openedCalls.count == 2)
    }

    @Test func aRefusalMarkedNotProcessedAfterSendingIsRetriedEvenWhenNotIdempotent() async throws {
        let transport = FakeClientTransport([
            .fail(Self.notProcessed("draining")),
            .respond([EchoV1.EchoResponse(text: "pong")]),
        ])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        #expect(try await Self.call(client, isIdempotent: false) == EchoV1.EchoResponse(text: "pong"))
        #expect(transport.openedCalls.count == 2)
    }

    @Test func theFinalErrorHasTheNotProcessedMarkerStripped() async throws {
        let transport = FakeClientTransport(
            Array(repeating: .failOpen(Self.notProcessed("no connection", extra: ["request-id": "r-9"])), count: 3)
        )
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        let error = await #expect(throws: RPCError.self) { try await Self.call(client) }

        #expect(transport.openedCalls.count == 3)
        #expect(error?.code == .unavailable)
        #expect(error?.message == "no connection")
        #expect(error?.wasNotProcessed == false)
        #expect(error?.metadata[RPCError.notProcessedKey] == nil)
        #expect(error?.metadata == ["request-id": "r-9"])
    }

    @Test func aNotProcessedErrorFromAStreamingCallHasTheMarkerStripped() async throws {
        let transport = FakeClientTransport([.fail(Self.notProcessed("draining"))])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        let error = await #expect(throws: RPCError.self) {
            try await client.serverStreaming(
                Fixtures.expand,
                request: EchoV1.EchoRequest(),
                response: EchoV1.EchoResponse.self
            ) { stream in
                for try await _ in stream {}
            }
        }
        #expect(error?.code == .unavailable)
        #expect(error?.metadata.isEmpty == true)
    }

    @Test func plainUnavailableAfterSendingIsNotRetriedWhenNotIdempotent() async throws {
        let transport = FakeClientTransport([
            .fail(RPCError(.unavailable, "connection lost")),
            .respond([EchoV1.EchoResponse(text: "pong")]),
        ])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        await #expect(throws: RPCError(.unavailable, "connection lost")) { try await Self.call(client) }
        #expect(transport.openedCalls.count == 1)
    }

    @Test func plainUnavailableAfterSendingIsRetriedWhenIdempotent() async throws {
        let transport = FakeClientTransport([
            .fail(RPCError(.unavailable, "connection lost")),
            .respond([EchoV1.EchoResponse(text: "pong")]),
        ])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        #expect(try await Self.call(client, isIdempotent: true) == EchoV1.EchoResponse(text: "pong"))
        #expect(transport.openedCalls.count == 2)
        #expect(transport.openedCalls.map(\.isIdempotent) == [true, true])
    }

    @Test(arguments: [RPCError.Code.internal, .notFound, .deadlineExceeded, .permissionDenied])
    func otherErrorsAreNotRetriedEvenWhenIdempotent(code: RPCError.Code) async throws {
        let transport = FakeClientTransport([.fail(RPCError(code, "no")), .respond([EchoV1.EchoResponse()])])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        await #expect(throws: RPCError(code, "no")) { try await Self.call(client, isIdempotent: true) }
        #expect(transport.openedCalls.count == 1)
    }

    @Test(arguments: [1, 2, 4])
    func attemptsStopAtMaxAttempts(maxAttempts: Int) async throws {
        let transport = FakeClientTransport(Array(repeating: .failOpen(Self.notProcessed("down")), count: 10))
        let client = RPCClient(
            transport: transport,
            retryPolicy: RetryPolicy(maxAttempts: maxAttempts, initialBackoff: .milliseconds(1))
        )

        await #expect(throws: RPCError(.unavailable, "down")) { try await Self.call(client, isIdempotent: true) }
        #expect(transport.openedCalls.count == maxAttempts)
    }

    @Test func aMidStreamFailureOfAStreamingCallIsNotRetried() async throws {
        let transport = FakeClientTransport([
            .fail(RPCError(.unavailable, "connection lost")),
            .respond([EchoV1.EchoResponse()]),
        ])
        let client = RPCClient(transport: transport, retryPolicy: Self.fastRetries)

        await #expect(throws: RPCError(.unavailable, "connection lost")) {
            try await client.serverStreaming(
                Fixtures.expand,
                request: EchoV1.EchoRequest(),
                response: EchoV1.EchoResponse.self,
                options: CallOptions(isIdempotent: true)
            ) { stream in
                for try await _ in stream {}
            }
        }
        #expect(transport.openedCalls.count == 1)
    }

    @Test func aRetryThatWouldOutliveTheDeadlineIsNotMade() async throws {
        let transport = FakeClientTransport([
            .failOpen(Self.notProcessed("no connection")),
            .respond([EchoV1.EchoResponse()]),
        ])
        let client = RPCClient(
            transport: transport,
            retryPolicy: RetryPolicy(initialBackoff: .seconds(10), maxBackoff: .seconds(10))
        )

        let clock = ContinuousClock()
        let elapsed = await clock.measure {
            await #expect(throws: RPCError(.unavailable, "no connection")) {
                try await client.unary(
                    Fixtures.echo,
                    request: EchoV1.EchoRequest(),
                    response: EchoV1.EchoResponse.self,
                    options: CallOptions(timeout: .seconds(1))
                )
            }
        }
        #expect(transport.openedCalls.count == 1)
        #expect(elapsed < .seconds(1))
    }
}
