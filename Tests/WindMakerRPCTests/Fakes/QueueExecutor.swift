import Dispatch

/// A task executor that runs its jobs on one serial queue, and can tell whether the current code runs there.
final class QueueExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "queue-executor")
    private let key = DispatchSpecificKey<Bool>()

    init() {
        self.queue.setSpecific(key: self.key, value: true)
    }

    /// Whether the caller is running on this executor's queue.
    var isCurrent: Bool { DispatchQueue.getSpecific(key: self.key) == true }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        self.queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
