import Logging
import NIOPosix
import Synchronization
import Testing
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport
import WindMakerTransport

/// One caller's worst-case request (a frame-limit's worth of tiny repeated strings, whose decoding and checking
/// take seconds in a debug build) must not stall the other callers whose connections share an event loop with it:
/// large requests are decoded, and their handlers run, off the event loops.
@Suite struct OffLoopRequestAttackTests {
    /// A test-only service whose one method spends real CPU on every string of its request, as validation would.
    struct HeavyService: RPCService {
        static let check = MethodDescriptor(service: "windmaker.testing.v1.Heavy", method: "Check", kind: .unary)

        /// Whether any handler ran on an event loop thread.
        let ranOnEventLoop = SharedFlag()

        func registerMethods(with router: inout RPCRouter) {
            let ranOnEventLoop = self.ranOnEventLoop
            router.registerUnary(Self.check, request: TestingV1.AllKinds.self, response: EchoV1.EchoResponse.self) {
                request,
                _ in
                if MultiThreadedEventLoopGroup.currentEventLoop != nil { ranOnEventLoop.set() }
                var digest: UInt32 = 2_166_136_261
                for text in request.rString {
                    guard !text.isEmpty else { throw RPCError(.invalidArgument, "an empty string") }
                    for _ in 0 ..< 8 {
                        for byte in text.utf8 { digest = (digest ^ UInt32(byte)) &* 16_777_619 }
                    }
                }
                return EchoV1.EchoResponse(text: "\(digest)", index: UInt32(request.rString.count))
            }
        }
    }

    @Test func aWorstCaseRequestDoesNotStallHealthCallsOnOtherConnections() async throws {
        let heavy = HeavyService()
        var policy = AccessPolicy()
        policy.allow([.operators], toCall: HeavyService.check)
        let server = try WindMakerServer(
            name: "heavy",
            services: [heavy],
            policy: policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            logger: Logger(label: "heavy")
        )
        let port = try await server.bind().port!
        // Several connections, so that some share the attacker's event loop whichever it is (as many loops as
        // cores); each connected and warm before the attack starts.
        var healthClients: [TestClient] = []
        for _ in 0 ..< 4 {
            let client = try TestClient(port: port, identity: "operator-alice")
            _ = try await HealthV1.Health.Client(client.client).check(HealthV1.HealthCheckRequest())
            healthClients.append(client)
        }

        // 1,048,560 one-character strings, 4 bytes each on the wire: just under the 4 MiB frame limit. Encoded here,
        // before the clock starts, and sent as raw bytes, so that no client-side work shares the loops.
        let count = (Frame.defaultMaximumPayloadSize - 64) / 4
        let request = try TestingV1.AllKinds(rString: Array(repeating: "x", count: count)).serializedBytes()
        #expect(request.count <= Frame.defaultMaximumPayloadSize)
        let attacker = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        let frames =
            try WireFrames.headers(callID: 1, method: HeavyService.check.fullName)
            + WireFrames.frame(
                type: FrameType.message.rawValue,
                flags: FrameFlags.endStream.rawValue,
                callID: 1,
                payload: request
            )
        let started = ContinuousClock.now
        try await attacker.send(frames)

        var latencies: [Duration] = []
        var answered: [WireFrames.RawFrame] = []
        while answered.isEmpty {
            for client in healthClients {
                let before = ContinuousClock.now
                let health = try await HealthV1.Health.Client(client.client).check(
                    HealthV1.HealthCheckRequest(),
                    options: CallOptions(timeout: .seconds(30))
                )
                latencies.append(ContinuousClock.now - before)
                #expect(health.status == .serving)
            }
            answered = WireFrames.parse(attacker.bytes).filter { $0.type == FrameType.trailers.rawValue }
            try await Task.sleep(for: .milliseconds(10))
        }
        let heavyCall = ContinuousClock.now - started

        let status = try RPCV1.Status(serializedBytes: try #require(answered.first).payload)
        #expect(status.code == 0, "\(status.message)")
        let response = try #require(WireFrames.parse(attacker.bytes).first { $0.type == FrameType.message.rawValue })
        #expect(try EchoV1.EchoResponse(serializedBytes: response.payload).index == UInt32(count))
        #expect(!heavy.ranOnEventLoop.isSet, "the handler of a large request runs off the event loops")
        let slowest = latencies.max() ?? .zero
        // The heavy call must have lasted long enough for the health calls to mean something.
        #expect(heavyCall > .milliseconds(500), "the heavy call took \(heavyCall)")
        #expect(latencies.count >= 8, "\(latencies.count) health calls in \(heavyCall)")
        #expect(
            slowest < .milliseconds(300),
            "slowest of \(latencies.count) health calls: \(slowest), while the heavy call took \(heavyCall)"
        )

        await attacker.close()
        for client in healthClients { await client.connection.close() }
        await server.shutDownGracefully()
    }
}

/// A flag set from any thread, read by the test.
final class SharedFlag: Sendable {
    private let flag = Mutex(false)

    var isSet: Bool { self.flag.withLock { $0 } }

    func set() {
        self.flag.withLock { $0 = true }
    }
}
