import Testing
import WindMakerMessages
import WindMakerRPC

@Suite struct RPCClientCancellationTests {
    /// Both ways a transport may report the abandoned call: as its `CANCELLED` status or as a `CancellationError`.
    @Test(arguments: [false, true])
    func cancellingTheTaskWhileItWaitsCancelsTheStreamAndTheCallerSeesCancelled(
        withCancellationError: Bool
    ) async throws {
        let transport = FakeClientTransport([.hang(withCancellationError: withCancellationError)])
        let client = RPCClient(transport: transport, retryPolicy: RetryPolicy(initialBackoff: .milliseconds(1)))

        let task = Task {
            try await client.unary(
                Fixtures.echo,
                request: EchoV1.EchoRequest(),
                response: EchoV1.EchoResponse.self,
                options: CallOptions(isIdempotent: true)
            )
        }
        try await Self.waitUntil { transport.streams.first?.isWaiting == true }
        task.cancel()

        let error = await #expect(throws: RPCError.self) { try await task.value }
        #expect(error?.code == .cancelled)
        #expect(transport.streams.first?.cancelCount == 1)
        #expect(transport.openedCalls.count == 1)
    }

    @Test func cancellingTheTaskDuringABackoffEndsTheCallAsCancelled() async throws {
        let transport = FakeClientTransport([
            .failOpen(RPCError(.unavailable, "down", metadata: [RPCError.notProcessedKey: "1"])),
            .respond([EchoV1.EchoResponse()]),
        ])
        let client = RPCClient(
            transport: transport,
            retryPolicy: RetryPolicy(initialBackoff: .seconds(60), maxBackoff: .seconds(60))
        )

        let task = Task {
            try await client.unary(Fixtures.echo, request: EchoV1.EchoRequest(), response: EchoV1.EchoResponse.self)
        }
        try await Self.waitUntil { transport.openedCalls.count == 1 }
        try await Task.sleep(for: .milliseconds(20))
        task.cancel()

        let error = await #expect(throws: RPCError.self) { try await task.value }
        #expect(error?.code == .cancelled)
        #expect(transport.openedCalls.count == 1)
    }

    private static func waitUntil(_ condition: () -> Bool) async throws {
        for _ in 0 ..< 1000 where !condition() {
            try await Task.sleep(for: .milliseconds(2))
        }
        try #require(condition())
    }
}
