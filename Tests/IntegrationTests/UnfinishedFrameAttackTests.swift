import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// Peers with valid certificates that start large frames and never finish them: the server holds at most its
/// budget of unfinished frames, closes such peers, gives the memory back, and keeps serving everyone else.
@Suite struct UnfinishedFrameAttackTests {
    static let mebibyte = 1024 * 1024

    /// A frame header announcing a 4 MiB message on call 1, and all of its payload but the last byte.
    static let unfinishedFrame: [UInt8] =
        WireFrames.frame(type: 2, callID: 1, payload: [UInt8](repeating: 0x55, count: 4 * mebibyte)).dropLast()

    @Test func attackersAreBoundedClosedAndTheirMemoryReturns() async throws {
        let server = try await ServerProcess.start(
            "wm-echo",
            certificate: "echo",
            arguments: ["--inbound-buffer-mib", "16", "--frame-timeout", "2"]
        )
        defer { server.kill() }
        let good = try TestClient(port: server.port, identity: "operator-alice")
        let health = HealthV1.Health.Client(good.client)
        #expect(try await health.check(HealthV1.HealthCheckRequest()).status == .serving)
        let started = try server.residentBytes()

        // The first round leaves the allocator's one-time growth (arenas, caches); after it, every round must give
        // back what it took, where the server used to keep more after each round.
        let first = try await Self.attack(server, health: health)
        #expect(first.peak - started < 40 * Self.mebibyte, "peak \(first.peak), at start \(started)")
        let baseline = try await Self.settledResidentBytes(server, towards: started)
        #expect(baseline - started < 32 * Self.mebibyte, "after the first round \(baseline), at start \(started)")

        let second = try await Self.attack(server, health: health)
        // Without the budget the peak would be about 80 MiB over the baseline.
        #expect(second.peak - baseline < 40 * Self.mebibyte, "peak \(second.peak), baseline \(baseline)")
        let after = try await Self.settledResidentBytes(server, towards: baseline)
        // Without the budget a round keeps about 30 MiB more; 10 % of the baseline is the aim, but other tests
        // running beside this one move the resident size by more than that.
        #expect(after - baseline < 16 * Self.mebibyte, "after \(after), baseline \(baseline)")
        let megabytes = [started, first.peak, baseline, second.peak, after].map { "\($0 / Self.mebibyte)" }
        print("unfinished-frame attack, server RSS in MiB (start, peak, after, peak, after): \(megabytes)")

        let reasons = second.goAways
        #expect(reasons.count == 20)
        #expect(reasons.allSatisfy { $0.code == RPCError.Code.resourceExhausted.rawValue })
        #expect(reasons.contains { $0.message.contains("buffer for unfinished frames") })
        #expect(reasons.contains { $0.message.contains("did not arrive whole within 2") })
        try await server.waitForLog("closing connection: the server's buffer for unfinished frames")
        try await server.waitForLog("closing connection: a frame did not arrive whole")
        #expect(try await health.check(HealthV1.HealthCheckRequest()).status == .serving)
        await good.connection.close()
    }

    /// Twenty connections each try to park 4 MiB (80 MiB against a 16 MiB budget) while a health call must still
    /// be answered; returns the peak resident size and the GOAWAYs the attackers got once closed.
    private static func attack(
        _ server: ServerProcess,
        health: HealthV1.Health.Client
    ) async throws -> (peak: Int, goAways: [RPCV1.GoAway]) {
        var attackers: [RawTLSConnection] = []
        for _ in 0 ..< 20 {
            let raw = try await RawTLSConnection.connect(port: server.port, identity: "provider-portal")
            attackers.append(raw)
            try? await raw.send(Self.unfinishedFrame)
        }
        let peak = try server.residentBytes()
        #expect(try await health.check(HealthV1.HealthCheckRequest()).status == .serving)
        for raw in attackers { try await raw.waitForClose(timeout: .seconds(10)) }
        let goAways = attackers.compactMap { raw in
            WireFrames.parse(raw.bytes).first { $0.type == 7 }.flatMap {
                try? RPCV1.GoAway(serializedBytes: $0.payload)
            }
        }
        return (peak, goAways)
    }

    /// The resident size once it is within 10 % of `target`, or after 5 s.
    private static func settledResidentBytes(_ server: ServerProcess, towards target: Int) async throws -> Int {
        var resident = try server.residentBytes()
        let deadline = ContinuousClock.now.advanced(by: .seconds(5))
        while Double(resident) > Double(target) * 1.1, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(100))
            resident = try server.residentBytes()
        }
        return resident
    }
}
