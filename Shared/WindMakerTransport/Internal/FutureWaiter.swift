import NIOCore
import Synchronization
import WindMakerRPC

/// Awaits an event-loop future, but stops waiting at a deadline or when the task is cancelled: a caller with a
/// 100 ms deadline does not sit through a 10 s connect timeout.
final class FutureWaiter<Value: Sendable>: Sendable {
    private struct State {
        var continuation: CheckedContinuation<Value, any Error>?
        var early: (any Error)?
        var done = false
    }

    private let state = Mutex(State())

    /// The future's value, or an error: `DEADLINE_EXCEEDED` (naming `what`) at the deadline, `CancellationError` on
    /// cancellation.
    static func value(
        of future: EventLoopFuture<Value>,
        until deadline: ContinuousClock.Instant?,
        waitingFor what: String
    ) async throws -> Value {
        let waiter = FutureWaiter()
        let timer = deadline.map { deadline in
            future.eventLoop.scheduleTask(in: TimeAmount(ContinuousClock.now.duration(to: deadline))) {
                waiter.resume(with: .failure(RPCError(.deadlineExceeded, "the deadline passed while \(what)")))
            }
        }
        defer { timer?.cancel() }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                waiter.install(continuation)
                future.whenComplete { waiter.resume(with: $0) }
            }
        } onCancel: {
            waiter.resume(with: .failure(CancellationError()))
        }
    }

    private func install(_ continuation: CheckedContinuation<Value, any Error>) {
        let early: (any Error)? = self.state.withLock { state in
            if let early = state.early {
                state.done = true
                return early
            }
            state.continuation = continuation
            return nil
        }
        if let early { continuation.resume(throwing: early) }
    }

    private func resume(with result: Result<Value, any Error>) {
        let continuation: CheckedContinuation<Value, any Error>? = self.state.withLock { state in
            guard !state.done else { return nil }
            guard let continuation = state.continuation else {
                // Cancelled or timed out before the continuation existed: it resumes as soon as it does.
                if case .failure(let error) = result, state.early == nil { state.early = error }
                return nil
            }
            state.done = true
            state.continuation = nil
            return continuation
        }
        continuation?.resume(with: result)
    }
}
