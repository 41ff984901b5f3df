import Synchronization
import WindMakerMessages
import WindMakerRPC

/// What one attempt of a call does, in the order the transport is asked to open streams.
enum ScriptedAttempt: Sendable {
    /// `openStream` throws: no connection could carry the call.
    case failOpen(RPCError)
    /// The server answers with `responses`, then ends the call with `OK` and `trailers`.
    case respond([EchoV1.EchoResponse], trailers: Metadata = [:])
    /// The server ends the call with `error` once the client waits for a response.
    case fail(RPCError)
    /// The server never answers; `receive` waits until the stream is cancelled, then throws `CANCELLED` (as the NIO
    /// transport does) or, when `withCancellationError`, a `CancellationError`.
    case hang(withCancellationError: Bool = false)
}

/// An in-memory transport that plays a script of attempts and records everything the client did.
final class FakeClientTransport: ClientTransport {
    private struct State {
        var script: [ScriptedAttempt]
        var openedCalls: [ClientCallInfo] = []
        var streams: [FakeClientStream] = []
    }

    private let state: Mutex<State>

    /// - Parameter script: one entry per `openStream`; once it runs out, further attempts fail with `INTERNAL`.
    init(_ script: [ScriptedAttempt]) {
        self.state = Mutex(State(script: script))
    }

    func openStream(_ call: ClientCallInfo) async throws -> any ClientStream {
        let next: ScriptedAttempt = self.state.withLock { state in
            state.openedCalls.append(call)
            return state.script.isEmpty
                ? .failOpen(RPCError(.internal, "script exhausted")) : state.script.removeFirst()
        }
        if case let .failOpen(error) = next {
            throw error
        }
        let stream = FakeClientStream(next)
        self.state.withLock { $0.streams.append(stream) }
        return stream
    }

    /// The call info of every `openStream`, failed ones included.
    var openedCalls: [ClientCallInfo] { self.state.withLock { $0.openedCalls } }
    /// The streams that were opened successfully.
    var streams: [FakeClientStream] { self.state.withLock { $0.streams } }
}

/// One scripted call: records sends, plays back responses.
final class FakeClientStream: ClientStream {
    /// A message the client sent, with its end-of-stream flag.
    struct Sent: Sendable {
        var message: any ProtoMessage
        var endOfStream: Bool
    }

    private struct State {
        var behaviour: ScriptedAttempt
        var sent: [Sent] = []
        var finishedSending = false
        var cancelCount = 0
        /// Set once the call is over (the last response, a failure, or a cancellation): later cancels do nothing,
        /// as the `ClientStream` contract asks of transports.
        var ended = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state: Mutex<State>
    private let trailers: Metadata

    init(_ behaviour: ScriptedAttempt) {
        self.state = Mutex(State(behaviour: behaviour))
        if case let .respond(_, trailers) = behaviour {
            self.trailers = trailers
        } else {
            self.trailers = [:]
        }
    }

    func send<M: ProtoMessage>(_ message: M, endOfStream: Bool) async throws {
        self.state.withLock { $0.sent.append(Sent(message: message, endOfStream: endOfStream)) }
    }

    func finishSending() async throws {
        self.state.withLock { $0.finishedSending = true }
    }

    func receive<M: ProtoMessage>(as _: M.Type) async throws -> M? {
        let step: ReceiveStep = self.state.withLock { state in
            switch state.behaviour {
            case .respond(var responses, let trailers):
                guard !responses.isEmpty else {
                    state.ended = true
                    return .deliver(nil)
                }
                let first = responses.removeFirst()
                state.behaviour = .respond(responses, trailers: trailers)
                return .deliver(first)
            case let .fail(error), let .failOpen(error):
                state.ended = true
                return .fail(error)
            case .hang:
                return state.cancelCount > 0 ? .cancelled : .wait
            }
        }
        switch step {
        case let .deliver(message):
            guard let message else { return nil }
            guard let typed = message as? M else { throw RPCError(.internal, "scripted a response of the wrong type") }
            return typed
        case let .fail(error):
            throw error
        case .cancelled:
            throw self.cancellationError
        case .wait:
            await withCheckedContinuation { continuation in
                let resumeNow = self.state.withLock { state in
                    if state.cancelCount > 0 { return true }
                    state.waiter = continuation
                    return false
                }
                if resumeNow { continuation.resume() }
            }
            throw self.cancellationError
        }
    }

    var trailingMetadata: Metadata { self.trailers }

    func cancel() {
        let waiter = self.state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard !state.ended else { return nil }
            state.ended = true
            state.cancelCount += 1
            defer { state.waiter = nil }
            return state.waiter
        }
        waiter?.resume()
    }

    private var cancellationError: any Error {
        if case .hang(withCancellationError: true) = self.state.withLock({ $0.behaviour }) {
            return CancellationError()
        }
        return RPCError(.cancelled, "the call was cancelled by the client")
    }

    var sent: [Sent] { self.state.withLock { $0.sent } }
    var finishedSending: Bool { self.state.withLock { $0.finishedSending } }
    var cancelCount: Int { self.state.withLock { $0.cancelCount } }
    /// Whether a `receive` is suspended waiting for an answer that never comes.
    var isWaiting: Bool { self.state.withLock { $0.waiter != nil } }
}

/// What one `receive` does, decided under the lock and carried out outside it.
private enum ReceiveStep {
    case deliver((any ProtoMessage)?)
    case fail(RPCError)
    case cancelled
    case wait
}
