import Foundation
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport

/// Several instances behind one client: calls spread round-robin, an instance that dies is taken out and the calls
/// go on at the other, and it comes back once its health says so.
@Suite struct BalancedConnectionTests {
    private static func balanced(_ ports: [Int]) throws -> BalancedConnection {
        try TestClient(ports: ports, identity: "operator-alice").connection
    }

    /// Unary echo calls a server has finished, from its log.
    private static func calls(_ server: ServerProcess) -> Int {
        server.output.split(separator: "\n").filter { $0.contains("call finished") && $0.contains("Echo/Unary") }.count
    }

    private static func waitUntil(_ what: String, _ condition: () -> Bool) async throws {
        let deadline = ContinuousClock.now + .seconds(15)
        while !condition() {
            guard ContinuousClock.now < deadline else { throw ServerProcessError(message: "never: \(what)") }
            try await Task.sleep(for: .milliseconds(50))
        }
    }

    @Test func callsSpreadFailOverAndReturn() async throws {
        let first = try await ServerProcess.start("wm-echo", certificate: "echo")
        let second = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { second.kill() }
        let connection = try Self.balanced([first.port, second.port])
        let echo = EchoV1.Echo.Client(RPCClient(transport: connection))
        let idempotent = CallOptions(timeout: .seconds(5), isIdempotent: true)
        for index in 0 ..< 10 {
            #expect(try await echo.unary(EchoV1.EchoRequest(text: "\(index)"), options: idempotent).text == "\(index)")
        }
        try await Self.waitUntil("both logged their calls") { Self.calls(first) + Self.calls(second) == 10 }
        #expect(Self.calls(first) == 5 && Self.calls(second) == 5)

        first.kill()
        _ = try await first.waitForExit()
        for index in 0 ..< 20 {
            #expect(try await echo.unary(EchoV1.EchoRequest(text: "\(index)"), options: idempotent).text == "\(index)")
        }
        try await Self.waitUntil("the second logged every call") { Self.calls(second) == 25 }
        #expect(connection.inService["127.0.0.1:\(first.port)"] == false)

        let restarted = try await ServerProcess.start("wm-echo", certificate: "echo", port: first.port)
        defer { restarted.kill() }
        try await Self.waitUntil("the restarted instance is back in service") {
            connection.inService["127.0.0.1:\(first.port)"] == true
        }
        for index in 0 ..< 10 {
            _ = try await echo.unary(EchoV1.EchoRequest(text: "\(index)"), options: idempotent)
        }
        try await Self.waitUntil("the restarted instance took its share") { Self.calls(restarted) == 5 }
        await connection.close()
    }

    /// `wmctl health` given several addresses answers for each instance, not for whichever one a balanced call reached.
    @Test func healthOfSeveralInstancesIsOneRowEach() async throws {
        let first = try await ServerProcess.start("wm-echo", certificate: "echo")
        let second = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer { second.kill() }
        let addresses = ["127.0.0.1:\(first.port)", "127.0.0.1:\(second.port)"]
        let serving = try await CommandRun.wmctl(
            ["health", "--server", addresses.joined(separator: ","), "--json"],
            as: "operator-alice"
        )
        #expect(serving.status == 0, "\(serving.output)")
        for address in addresses {
            #expect(serving.output.contains("\"address\":\"\(address)\""), "\(serving.output)")
        }
        first.kill()
        _ = try await first.waitForExit()
        let oneDown = try await CommandRun.wmctl(
            ["health", "--server", addresses.joined(separator: ",")],
            as: "operator-alice"
        )
        #expect(oneDown.status == 1, "\(oneDown.output)")
        let rows = oneDown.output.split(separator: "\n")
        #expect(rows.contains { $0.contains(addresses[0]) && $0.contains("UNAVAILABLE") }, "\(oneDown.output)")
        #expect(rows.contains { $0.contains(addresses[1]) && $0.contains("SERVING") }, "\(oneDown.output)")
    }

    @Test func aCallThatWasSentIsNotMovedUnlessIdempotent() async throws {
        let first = try await ServerProcess.start("wm-echo", certificate: "echo")
        let second = try await ServerProcess.start("wm-echo", certificate: "echo")
        defer {
            first.kill()
            second.kill()
        }
        let connection = try Self.balanced([first.port, second.port])
        let echo = EchoV1.Echo.Client(RPCClient(transport: connection))
        // Both connections up, so the slow call below is under way on one instance when it dies: the one that got
        // the first warm-up call (the round-robin comes back to it third).
        _ = try await echo.unary(EchoV1.EchoRequest(text: "warm"))
        try await Self.waitUntil("the first warm-up call is logged") { Self.calls(first) + Self.calls(second) == 1 }
        let (dying, surviving) = Self.calls(first) == 1 ? (first, second) : (second, first)
        _ = try await echo.unary(EchoV1.EchoRequest(text: "warm"))
        let slow = Task {
            try await echo.unary(
                EchoV1.EchoRequest(text: "slow", delayMs: 2_000),
                options: CallOptions(timeout: .seconds(10))
            )
        }
        try await Task.sleep(for: .milliseconds(300))
        dying.kill()
        let error = await #expect(throws: RPCError.self) { try await slow.value }
        #expect(error?.code == .unavailable)
        // Not run a second time elsewhere: the surviving instance saw only its warm-up call.
        #expect(Self.calls(surviving) == 1)
        await connection.close()
    }
}
