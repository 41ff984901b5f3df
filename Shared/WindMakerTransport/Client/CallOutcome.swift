import Synchronization
import WindMakerRPC

/// Whether a client call has ended, readable from the caller's thread without a hop to the event loop: a sender
/// learns the call is over, and cancelling a finished call costs nothing.
final class CallOutcome: Sendable {
    private let ended = Mutex<RPCError?>(nil)

    /// Records the end: the status error, or for `OK` that nothing more can be sent.
    func end(with error: RPCError?) {
        self.ended.withLock { ended in
            guard ended == nil else { return }
            ended = error ?? RPCError(.failedPrecondition, "the server already ended the call")
        }
    }

    /// Why sending is over, or nil while the call is open.
    var error: RPCError? { self.ended.withLock { $0 } }
}
