public import NIOCore

/// Runs a task's jobs on one event loop, so a call's handler and its connection share a thread and a call needs
/// no thread hop between reading the request and writing the response.
///
/// Public so a client can run its calling tasks on its ``RPCConnection``'s event loop (pass the loop as the
/// connection's `group`), which saves two thread hops per call:
///
/// ```swift
/// let loop = MultiThreadedEventLoopGroup.singleton.next()
/// let connection = RPCConnection(host: host, port: port, serverName: name, security: tls, group: loop, logger: logger)
/// await withTaskExecutorPreference(EventLoopTaskExecutor(eventLoop: loop)) { … calls … }
/// ```
public final class EventLoopTaskExecutor: TaskExecutor {
    /// The loop every job runs on.
    public let eventLoop: any EventLoop

    /// Creates an executor that runs jobs on `eventLoop`.
    public init(eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    public func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        self.eventLoop.execute {
            job.runSynchronously(on: self.asUnownedTaskExecutor())
        }
    }
}
