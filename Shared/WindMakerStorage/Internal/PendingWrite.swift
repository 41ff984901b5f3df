/// One operation submitted to ``GroupCommitter``, with its result type erased so a group can hold any mix.
///
/// Built by ``Database/write(_:)`` around the caller's body and continuation; exactly one of ``run`` (whose answer
/// is then resumed) or ``fail`` is used, once.
struct PendingWrite: Sendable {
    /// Runs the body on the group's transaction, inside the operation's savepoint, and says how it went.
    let run: @Sendable (Transaction) -> WriteAnswer
    /// Answers the caller without running the body: the group's transaction could not be started.
    let fail: @Sendable (any Error) -> Void
}

/// How a ``PendingWrite``'s body went, and how to answer its caller once the group's fate is known.
struct WriteAnswer: Sendable {
    /// What the body threw, or `nil` when it returned.
    let error: (any Error)?
    /// Resumes the caller with the body's outcome, or with `groupError` when the shared transaction failed (the
    /// body's work is then gone, whatever it returned).
    let resume: @Sendable (_ groupError: (any Error)?) -> Void

    /// This answer turned into a failure with `error`, for a body that returned but left work `COMMIT` would refuse.
    func failing(with error: any Error) -> WriteAnswer {
        WriteAnswer(error: error) { groupError in self.resume(groupError ?? error) }
    }
}
