public import Logging
import Synchronization
import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceAPI
public import WindMakerTransport

/// A client's connections to several instances of one service, used by ``RPCClient`` as its transport: calls go
/// round-robin to the instances in service, an instance that fails a call with `UNAVAILABLE` or loses its connection
/// is taken out, and the health service's `Watch` on each instance puts it back once it says `SERVING` again (or
/// takes it out when it says `NOT_SERVING`, as a draining server does).
///
/// ```swift
/// let registry = BalancedConnection(["a": connectionA, "b": connectionB], logger: logger)
/// let client = RPCClient(transport: registry)   // retries go to another instance
/// ```
///
/// It moves no call that the retry rules would not retry: a call that could not be opened on one instance (nothing
/// was sent) is opened on the next at once; a call that failed once sent is retried by ``RPCClient`` only when it was
/// not processed or is idempotent, and that retry opens on another instance, since the failed one is out. When every
/// instance is out, calls still go round-robin over all of them: the health news may be late, and a refusal says more
/// than a guess.
public final class BalancedConnection: ClientTransport {
    /// One instance: its address (for logs) and its connection.
    public struct Endpoint: Sendable {
        public let address: String
        public let connection: RPCConnection

        public init(address: String, connection: RPCConnection) {
            self.address = address
            self.connection = connection
        }
    }

    /// How long a call's failure keeps an instance out when its health says nothing new: a busy instance gets
    /// calls again after it, a dead one loses its health watch and stays out.
    public static let failurePause = Duration.seconds(2)

    private struct State {
        /// Out because its health said so, or its watch was lost, until the watch says `SERVING`.
        var healthOut: [Bool]
        /// Out because a call failed, until then.
        var failedUntil: [ContinuousClock.Instant?]
        var next = 0
        var watches: [Task<Void, Never>] = []

        func isInService(_ index: Int, at now: ContinuousClock.Instant) -> Bool {
            !self.healthOut[index] && (self.failedUntil[index].map { now >= $0 } ?? true)
        }
    }

    public let endpoints: [Endpoint]
    private let state: Mutex<State>
    private let logger: Logger

    /// - Parameter watchHealth: whether to watch each instance's health (on by default when there are several). The
    ///   watches run until ``close()``, which every owner calls when done (they keep the connection alive till then).
    public init(_ endpoints: [Endpoint], logger: Logger, watchHealth: Bool? = nil) {
        precondition(!endpoints.isEmpty, "a balanced connection needs at least one endpoint")
        self.endpoints = endpoints
        self.logger = logger
        // A random first instance, so that many short-lived clients (one wmctl command each) spread too.
        self.state = Mutex(
            State(
                healthOut: Array(repeating: false, count: endpoints.count),
                failedUntil: Array(repeating: nil, count: endpoints.count),
                next: Int.random(in: 0 ..< endpoints.count)
            )
        )
        guard watchHealth ?? (endpoints.count > 1) else { return }
        let watches = endpoints.indices.map { index in
            Task<Void, Never> { [weak self] in await self?.watch(index) }
        }
        self.state.withLock { $0.watches = watches }
    }

    /// Which instances calls go to now, by address.
    public var inService: [String: Bool] {
        let now = ContinuousClock.now
        return self.state.withLock { state in
            Dictionary(
                uniqueKeysWithValues: self.endpoints.indices.map {
                    (self.endpoints[$0].address, state.isInService($0, at: now))
                }
            )
        }
    }

    public func openStream(_ call: ClientCallInfo) async throws -> any ClientStream {
        var lastError: (any Error)?
        for index in self.order() {
            do {
                let stream = try await self.endpoints[index].connection.openStream(call)
                return BalancedStream(stream: stream) { [weak self] error in self?.failed(index, error) }
            } catch let error as RPCError where error.wasNotProcessed {
                // Nothing was sent: the next instance may take it at once.
                self.failed(index, error)
                lastError = error
            }
        }
        throw lastError ?? RPCError(.unavailable, "no instance to call")
    }

    /// Stops watching and closes every connection; later calls fail with `UNAVAILABLE`.
    public func close() async {
        let watches = self.state.withLock { state in
            defer { state.watches = [] }
            return state.watches
        }
        for watch in watches { watch.cancel() }
        for endpoint in self.endpoints { await endpoint.connection.close() }
    }

    /// Every instance once, the ones in service first, starting after the one the previous call started at.
    private func order() -> [Int] {
        let now = ContinuousClock.now
        return self.state.withLock { state in
            let count = self.endpoints.count
            let start = state.next
            state.next = (state.next + 1) % count
            let rotation = (0 ..< count).map { (start + $0) % count }
            return rotation.filter { state.isInService($0, at: now) }
                + rotation.filter { !state.isInService($0, at: now) }
        }
    }

    /// Takes instance `index` out for ``failurePause`` after a failure that says it cannot take calls now.
    private func failed(_ index: Int, _ error: any Error) {
        guard let error = error as? RPCError, error.code == .unavailable else { return }
        let until = ContinuousClock.now + Self.failurePause
        let wasIn = self.state.withLock { state in
            defer { state.failedUntil[index] = until }
            return state.isInService(index, at: .now)
        }
        if wasIn { self.log(index, inService: false, reason: error.message) }
    }

    /// Records what instance `index`'s health watch says.
    private func health(_ index: Int, serving: Bool, reason: String) {
        let changed = self.state.withLock { state in
            let before = state.isInService(index, at: .now)
            state.healthOut[index] = !serving
            if serving { state.failedUntil[index] = nil }
            return before != state.isInService(index, at: .now)
        }
        if changed { self.log(index, inService: serving, reason: reason) }
    }

    private func log(_ index: Int, inService: Bool, reason: String) {
        self.logger.notice(
            inService ? "instance back in service" : "instance taken out of service",
            metadata: ["rpc.target": "\(self.endpoints[index].address)", "reason": "\(reason)"]
        )
    }

    /// Follows instance `index`'s health until cancelled: `SERVING` puts it in service, anything else or a lost
    /// stream takes it out; the watch is opened again after a pause growing to five seconds.
    private func watch(_ index: Int) async {
        let health = HealthV1.Health.Client(RPCClient(transport: self.endpoints[index].connection))
        var pause = Duration.milliseconds(250)
        while !Task.isCancelled {
            do {
                try await health.watch(HealthV1.HealthCheckRequest(service: "")) { stream in
                    for try await response in stream {
                        pause = .milliseconds(250)
                        self.health(index, serving: response.status == .serving, reason: "health: \(response.status)")
                    }
                }
            } catch let error as RPCError where error.code == .unavailable {
                self.health(index, serving: false, reason: error.message)
            } catch {
                // The watch ended otherwise (its call timeout, cancellation): open it again, leaving the state.
            }
            try? await Task.sleep(for: pause)
            pause = min(pause * 2, .seconds(5))
        }
    }
}

/// A call opened by a ``BalancedConnection``: reports a failure that takes its instance out.
private struct BalancedStream: ClientStream {
    let stream: any ClientStream
    let onFailure: @Sendable (any Error) -> Void

    func send<M: ProtoMessage>(_ message: M, endOfStream: Bool) async throws {
        do { try await self.stream.send(message, endOfStream: endOfStream) } catch {
            self.onFailure(error)
            throw error
        }
    }

    func finishSending() async throws {
        do { try await self.stream.finishSending() } catch {
            self.onFailure(error)
            throw error
        }
    }

    func receive<M: ProtoMessage>(as type: M.Type) async throws -> M? {
        do { return try await self.stream.receive(as: type) } catch {
            self.onFailure(error)
            throw error
        }
    }

    var trailingMetadata: Metadata { self.stream.trailingMetadata }

    func cancel() { self.stream.cancel() }
}
