import NIOCore

/// Runs a task's jobs on one event loop (as Wind Maker's transport does), so `--executor-preference` can give
/// grpc-swift-2's calling tasks the same placement as `rpc-bench`'s.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        self.eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
