internal import Dispatch
internal import Synchronization

/// Commits ``Database/write(_:)`` operations in groups: the operations queued while one transaction commits run
/// together in the next, each inside its own savepoint, and share its `COMMIT` (and so its `fsync`).
///
/// ## How a group runs
///
/// One serial dispatch queue, not a Swift concurrency or event-loop thread, runs the blocking SQLite work. When an
/// operation arrives and no group is running, the queue starts draining: it takes up to
/// ``WriteQueueLimits/maximumGroupSize`` waiting operations and, holding the connection, runs
///
/// ```
/// BEGIN IMMEDIATE
///   SAVEPOINT wm_write; <body 1>; RELEASE SAVEPOINT wm_write
///   SAVEPOINT wm_write; <body 2 throws>; ROLLBACK TO SAVEPOINT wm_write; RELEASE SAVEPOINT wm_write
///   …
/// COMMIT
/// ```
///
/// then answers every caller and takes the next group, which holds whatever arrived during that commit. So one
/// caller alone waits for one commit as before, and N concurrent callers share about one `fsync` per group.
///
/// An operation that throws is rolled back to its savepoint, leaving the others' work; one that returns with a
/// deferred foreign-key violation is treated the same, so `COMMIT` cannot fail for one member's constraint. Later
/// operations see earlier ones' writes, as if each had committed before the next began: the group is a serial
/// schedule. Callers are answered only after `COMMIT` returned, failures included (a failure may have been decided
/// on writes of the same group, which exist only once committed). When `BEGIN` fails (e.g. `busy` after the timeout),
/// every operation of the group gets that error. When a savepoint statement or `COMMIT` fails, or the database itself
/// rolls the transaction back (SQLite does after an I/O error or a full disk), every operation run in that
/// transaction gets that error and nothing of theirs is kept; the operations not yet run go on in a new transaction.
///
/// Every statement named here is standard SQL except `IMMEDIATE`, which takes SQLite's write lock up front; a
/// PostgreSQL backend would run the same schedule with plain `BEGIN`.
final class GroupCommitter: Sendable {
    private struct State {
        var pending: [PendingWrite] = []
        var isDraining = false
        var statistics = WriteStatistics()
    }

    /// The savepoint each operation runs in; one name suffices because savepoints never nest here.
    private static let savepoint = "wm_write"

    let limits: WriteQueueLimits
    private let state = Mutex(State())
    private let queue = DispatchQueue(label: "windmaker.storage.group-commit")

    init(limits: WriteQueueLimits) {
        self.limits = limits
    }

    /// The counters so far.
    var statistics: WriteStatistics {
        self.state.withLock { state in
            var statistics = state.statistics
            statistics.queued = state.pending.count
            return statistics
        }
    }

    /// Queues `write` for the next group on `database`, starting a drain when none is running.
    /// - Throws: ``StorageError/Code/busy`` when ``WriteQueueLimits/maximumQueuedWrites`` operations are waiting.
    func submit(_ write: PendingWrite, to database: SQLiteDatabase) throws(StorageError) {
        let startsDrain = try self.state.withLock { (state) throws(StorageError) -> Bool in
            guard state.pending.count < self.limits.maximumQueuedWrites else {
                throw StorageError(
                    .busy,
                    "the write queue is full (\(state.pending.count) operations waiting); retry later"
                )
            }
            state.pending.append(write)
            guard !state.isDraining else { return false }
            state.isDraining = true
            return true
        }
        if startsDrain {
            self.queue.async { self.drain(database) }
        }
    }

    private func drain(_ database: SQLiteDatabase) {
        while let group = self.nextGroup() {
            self.commit(group[...], on: database)
        }
    }

    /// Takes the next group off the queue, or ends the drain (under the same lock) when nothing is waiting.
    private func nextGroup() -> [PendingWrite]? {
        self.state.withLock { state in
            guard !state.pending.isEmpty else {
                state.isDraining = false
                return nil
            }
            guard state.pending.count > self.limits.maximumGroupSize else {
                defer { state.pending = [] }
                return state.pending
            }
            defer { state.pending.removeFirst(self.limits.maximumGroupSize) }
            return Array(state.pending.prefix(self.limits.maximumGroupSize))
        }
    }

    /// Runs `group` in one transaction, or more when the database abandons one part-way, and answers every member.
    private func commit(_ group: ArraySlice<PendingWrite>, on database: SQLiteDatabase) {
        var remaining = group
        while !remaining.isEmpty {
            let members = remaining
            let outcome: GroupOutcome
            do {
                outcome = try database.withConnection { (connection) throws(StorageError) -> sending GroupOutcome in
                    Self.run(members, on: connection, owner: ObjectIdentifier(database))
                }
            } catch {
                // The database is closed: nothing ran.
                for member in members { member.fail(error) }
                return
            }
            self.record(outcome)
            for answer in outcome.answers { answer.resume(outcome.groupError) }
            remaining = remaining.dropFirst(outcome.answers.count)
        }
    }

    private func record(_ outcome: GroupOutcome) {
        self.state.withLock { state in
            state.statistics.operations += outcome.answers.count
            state.statistics.largestGroup = max(state.statistics.largestGroup, outcome.answers.count)
            if outcome.groupError == nil {
                state.statistics.commits += 1
            } else {
                state.statistics.failedTransactions += 1
            }
        }
    }

    /// What one transaction did: the answers of the members it ran (a prefix of those given), and the error that
    /// undid all of them, if any.
    private struct GroupOutcome: Sendable {
        var answers: [WriteAnswer] = []
        var groupError: (any Error)?
    }

    private static func run(
        _ members: ArraySlice<PendingWrite>,
        on connection: Connection,
        owner: ObjectIdentifier
    ) -> GroupOutcome {
        var outcome = GroupOutcome()
        do {
            try connection.execute("BEGIN IMMEDIATE", [])
        } catch {
            // Nothing ran, and retrying at once would likely fail the same way (e.g. busy after the timeout).
            outcome.answers = members.map { member in WriteAnswer(error: error) { member.fail($0 ?? error) } }
            outcome.groupError = error
            return outcome
        }
        for member in members {
            do {
                outcome.answers.append(try Self.runInSavepoint(member, on: connection, owner: owner))
            } catch {
                outcome.answers.append(error.answer)
                outcome.groupError = error.error
                break
            }
        }
        if outcome.groupError == nil {
            do {
                try connection.execute("COMMIT", [])
            } catch {
                outcome.groupError = error
            }
        }
        if outcome.groupError != nil {
            Self.rollBack(connection)
        }
        return outcome
    }

    /// Runs one member inside its savepoint, keeping its work only when its body returned cleanly.
    /// - Throws: when the transaction is lost (a savepoint statement failed, or the transaction ended under the
    ///   body), with the member's answer, which then fails with the group.
    private static func runInSavepoint(
        _ member: PendingWrite,
        on connection: Connection,
        owner: ObjectIdentifier
    ) throws(GroupFailure) -> WriteAnswer {
        do {
            try connection.execute("SAVEPOINT \(Self.savepoint)", [])
        } catch {
            // The member counts as run, so a savepoint that keeps failing cannot hold up the queue.
            throw GroupFailure(error: error, answer: WriteAnswer(error: error) { member.fail($0 ?? error) })
        }
        let scope = Transaction.Scope()
        var answer = SQLiteDatabase.$transactionOwner.withValue(owner) {
            defer { scope.isActive = false }
            return member.run(Transaction(connection: connection, scope: scope))
        }
        if connection.isAutocommit {
            // SQLite rolls back by itself after some errors (I/O, full disk), and a body may have run COMMIT or
            // ROLLBACK itself: either way the group's earlier work is no longer in this transaction.
            let error =
                answer.error as? StorageError
                ?? StorageError(.misuse, "a write body ended the transaction itself (COMMIT or ROLLBACK in SQL)")
            throw GroupFailure(error: error, answer: answer)
        }
        if answer.error == nil && connection.hasDeferredForeignKeyViolations {
            answer = answer.failing(
                with: StorageError(.constraintViolation(.foreignKey), "FOREIGN KEY constraint failed (deferred)")
            )
        }
        do {
            if answer.error != nil {
                try connection.execute("ROLLBACK TO SAVEPOINT \(Self.savepoint)", [])
            }
            try connection.execute("RELEASE SAVEPOINT \(Self.savepoint)", [])
        } catch {
            throw GroupFailure(error: error, answer: answer)
        }
        return answer
    }

    /// The transaction was lost while running a member: why, and that member's answer.
    private struct GroupFailure: Error {
        let error: any Error
        let answer: WriteAnswer
    }

    /// Rolls back if a transaction is still open.
    private static func rollBack(_ connection: Connection) {
        guard !connection.isAutocommit else { return }
        // A failed ROLLBACK leaves nothing better to do than report the original error; SQLite then rolls back
        // when the connection closes.
        _ = try? connection.execute("ROLLBACK", [])
    }
}
