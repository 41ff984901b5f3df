import Dispatch
import Logging
import ServiceLifecycle
import Synchronization
import Testing
import WindMakerEcho
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceSupport
import WindMakerTestSupport
import WindMakerTransport

/// What `WindMakerServer` guarantees every service: no method without an access rule, dependencies around the
/// server's lifetime, and no handler still running once it has stopped.
@Suite struct ServerCompositionTests {
    static func server(
        policy: AccessPolicy = EchoAccess.policy,
        dependencies: [any Service] = [],
        configuration: ServerConfiguration = ServerConfiguration()
    ) throws -> WindMakerServer {
        try WindMakerServer(
            name: "echo",
            services: [EchoService()],
            policy: policy,
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            dependencies: dependencies,
            configuration: configuration,
            logger: Logger(label: "composition")
        )
    }

    @Test func aMethodWithoutAnAccessRuleStopsTheServerFromStarting() throws {
        var policy = EchoAccess.policy
        policy.allow([], toCall: EchoV1.Echo.Method.expand)
        let error = #expect(throws: StartupError.self) { try Self.server(policy: policy) }
        #expect(
            error?.description
                == "the echo server's access policy has no rule for windmaker.echo.v1.Echo/Expand; every method it"
                + " serves needs one"
        )
    }

    /// A handler that, like a write already handed to the database, finishes its 800 ms of work even when its call
    /// is cancelled, and records that it did.
    struct UncancellableWork: RPCService {
        static let method = MethodDescriptor(service: "windmaker.testing.v1.Work", method: "Do", kind: .unary)
        final class Flag: Sendable {
            let value = Mutex(false)
        }
        let started = Flag()
        let finished = Flag()

        func registerMethods(with router: inout RPCRouter) {
            router.registerUnary(Self.method, request: EchoV1.EchoRequest.self, response: EchoV1.EchoResponse.self) {
                request,
                _ in
                self.started.value.withLock { $0 = true }
                await withCheckedContinuation { continuation in
                    DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(800)) { continuation.resume() }
                }
                self.finished.value.withLock { $0 = true }
                return EchoV1.EchoResponse(text: request.text)
            }
        }
    }

    /// Records that it started, and whether the server's handlers had all returned when it was asked to stop.
    final class Dependency: Service, Sendable {
        let events = Mutex<[String]>([])
        let work: UncancellableWork

        init(watching work: UncancellableWork) {
            self.work = work
        }

        func run() async throws {
            self.events.withLock { $0.append("started") }
            await withGracefulShutdownHandler {
                while !Task.isCancelled && !Task.isShuttingDownGracefully {
                    try? await Task.sleep(for: .milliseconds(10))
                }
            } onGracefulShutdown: {
            }
            let drained = self.work.finished.value.withLock { $0 }
            self.events.withLock { $0.append(drained ? "stopped after the server drained" : "stopped too early") }
        }
    }

    static func workServer(_ work: UncancellableWork, dependencies: [any Service] = []) throws -> WindMakerServer {
        try WindMakerServer(
            name: "work",
            services: [work],
            policy: AccessPolicy([UncancellableWork.method: [.operators]]),
            listen: ListenAddress(host: "127.0.0.1", port: 0),
            tls: DevCertificates.shared.serverConfiguration(for: "echo"),
            dependencies: dependencies,
            configuration: ServerConfiguration(shutdownGracePeriod: .milliseconds(100)),
            logger: Logger(label: "composition")
        )
    }

    /// Starts `server`'s group, makes one call of the work method, and shuts the group down while it runs.
    static func shutDownDuringACall(_ server: WindMakerServer, work: UncancellableWork) async throws {
        // Bound first: the group's `run()` then serves on this listener instead of binding its own.
        let address = try await server.bind()
        let group = server.serviceGroup()
        let running = Task { try await group.run() }
        let test = try TestClient(port: address.port!, identity: "operator-alice")
        let call = Task {
            try await test.client.unary(
                UncancellableWork.method,
                request: EchoV1.EchoRequest(text: "work"),
                response: EchoV1.EchoResponse.self
            )
        }
        // Shut down only once the handler runs: a call refused by the drain would prove nothing.
        let deadline = ContinuousClock.now.advanced(by: .seconds(10))
        while !work.started.value.withLock({ $0 }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(10))
        }
        await group.triggerGracefulShutdown()
        try await running.value
        _ = await call.result
        await test.connection.close()
    }

    /// A call still running when the drain's grace period ends is cut off, but `run()` returns only once its
    /// handler has: what the handler uses (its database) is closed after that, never under it.
    @Test func runReturnsOnlyOnceACutOffHandlerHasReturned() async throws {
        let work = UncancellableWork()
        try await Self.shutDownDuringACall(try Self.workServer(work), work: work)
        #expect(work.finished.value.withLock { $0 }, "run() returned while a handler was still running")
    }

    @Test func dependenciesStartBeforeTheServerAndStopAfterItDrained() async throws {
        let work = UncancellableWork()
        let dependency = Dependency(watching: work)
        try await Self.shutDownDuringACall(try Self.workServer(work, dependencies: [dependency]), work: work)
        #expect(dependency.events.withLock { $0 } == ["started", "stopped after the server drained"])
    }
}
