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
        let healthClients = try await HealthProbe.clients(port: port)

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

        let (latencies, answered) = try await HealthProbe.measure(healthClients, until: attacker)
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
            slowest < .milliseconds(600),
            "slowest of \(latencies.count) health calls: \(slowest), while the heavy call took \(heavyCall)"
        )

        await attacker.close()
        for client in healthClients { await client.connection.close() }
        await server.shutDownGracefully()
    }
}

/// A backlog of small messages on one client stream (100,000 empty requests arrive together and fit the window) is
/// drained by a handler that runs off the event loops, so the calls of other connections go on while it drains.
///
/// With the handler on its connection's loop, 4 health calls were answered while the backlog drained (about 1 s in a
/// debug build); off the loops, over a thousand (the test asks for 20). What remains is the transport taking the burst in (decrypting and
/// framing a megabyte of 10-byte frames in one read cycle): one stall of up to about a second in a debug build,
/// bounded by the bytes a read cycle takes in; HARDENING.md records it.
@Suite struct ClientStreamBacklogAttackTests {
    struct CountingService: RPCService {
        static let count = MethodDescriptor(
            service: "windmaker.testing.v1.Counter",
            method: "Count",
            kind: .clientStreaming
        )
        let ranOnEventLoop = SharedFlag()

        func registerMethods(with router: inout RPCRouter) {
            let ranOnEventLoop = self.ranOnEventLoop
            router.registerClientStreaming(
                Self.count,
                request: EchoV1.EchoRequest.self,
                response: EchoV1.EchoResponse.self
            ) { requests, _ in
                var count: UInt32 = 0
                for try await _ in requests {
                    if MultiThreadedEventLoopGroup.currentEventLoop != nil { ranOnEventLoop.set() }
                    count += 1
                }
                return EchoV1.EchoResponse(index: count)
            }
        }
    }

    @Test func aBacklogOfSmallMessagesDoesNotStallOtherConnections() async throws {
        let counter = CountingService()
        let server = try WindMakerServer(
            name: "counter",
            services: [counter],
            policy: AccessPolicy([CountingService.count: [.operators]]),
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            logger: Logger(label: "counter")
        )
        let port = try await server.bind().port!
        let healthClients = try await HealthProbe.clients(port: port)
        // A client without flow control (no receive window), so the whole backlog is sent at once and buffered.
        let messages = 100_000
        var frames = try WireFrames.headers(callID: 1, method: CountingService.count.fullName)
        for _ in 0 ..< messages - 1 {
            frames += WireFrames.frame(type: FrameType.message.rawValue, callID: 1, payload: [])
        }
        frames += WireFrames.frame(
            type: FrameType.message.rawValue,
            flags: FrameFlags.endStream.rawValue,
            callID: 1,
            payload: []
        )
        let attacker = try await RawTLSConnection.connect(port: port, identity: "operator-alice")
        try await attacker.send(frames)

        let (latencies, answered) = try await HealthProbe.measure(healthClients, until: attacker)
        let status = try RPCV1.Status(serializedBytes: try #require(answered.first).payload)
        #expect(status.code == 0, "\(status.message)")
        let response = try #require(WireFrames.parse(attacker.bytes).first { $0.type == FrameType.message.rawValue })
        #expect(try EchoV1.EchoResponse(serializedBytes: response.payload).index == UInt32(messages))
        #expect(!counter.ranOnEventLoop.isSet, "a client-streaming handler runs off the event loops")
        #expect(latencies.count >= 20, "\(latencies.count) health calls while the backlog drained")

        await attacker.close()
        for client in healthClients { await client.connection.close() }
        await server.shutDownGracefully()
    }
}

/// Health calls on other connections, timed while an attacker's call runs.
enum HealthProbe {
    /// Several connections, so that some share the attacker's event loop whichever it is (as many loops as cores);
    /// each connected and warm before the attack starts.
    static func clients(port: Int) async throws -> [TestClient] {
        var clients: [TestClient] = []
        for _ in 0 ..< 4 {
            let client = try TestClient(port: port, identity: "operator-alice")
            _ = try await HealthV1.Health.Client(client.client).check(HealthV1.HealthCheckRequest())
            clients.append(client)
        }
        return clients
    }

    /// Health calls in rounds over `clients` until the attacker's call has its trailers (or a minute passed): how
    /// long each took, and the trailers.
    static func measure(
        _ clients: [TestClient],
        until attacker: RawTLSConnection
    ) async throws -> (latencies: [Duration], trailers: [WireFrames.RawFrame]) {
        var latencies: [Duration] = []
        var trailers: [WireFrames.RawFrame] = []
        let deadline = ContinuousClock.now.advanced(by: .seconds(60))
        while trailers.isEmpty && ContinuousClock.now < deadline {
            for client in clients {
                let before = ContinuousClock.now
                let health = try await HealthV1.Health.Client(client.client).check(
                    HealthV1.HealthCheckRequest(),
                    options: CallOptions(timeout: .seconds(30))
                )
                latencies.append(ContinuousClock.now - before)
                #expect(health.status == .serving)
            }
            trailers = WireFrames.parse(attacker.bytes).filter { $0.type == FrameType.trailers.rawValue }
            try await Task.sleep(for: .milliseconds(10))
        }
        return (latencies, trailers)
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
