/// How much ``Database/write(_:)`` groups and queues.
///
/// ```swift
/// let database = try Database(path: path, writeQueue: WriteQueueLimits(maximumGroupSize: 64))
/// ```
public struct WriteQueueLimits: Hashable, Sendable {
    /// The most operations committed together in one transaction. A larger group shares one `fsync` among more
    /// callers but makes each of them wait for more work before its commit; past a few hundred the fsync is no longer
    /// what they wait for.
    public var maximumGroupSize: Int
    /// The most operations waiting for a group, beyond the one being committed. One more is refused at once with
    /// ``StorageError/Code/busy`` rather than queued: past this the writer cannot catch up, and a caller that is
    /// told so can shed load (an RPC server answers `UNAVAILABLE`) instead of holding memory and a deadline.
    public var maximumQueuedWrites: Int

    /// - Parameters:
    ///   - maximumGroupSize: at least 1; defaults to 256.
    ///   - maximumQueuedWrites: at least 1; defaults to 4,096.
    public init(maximumGroupSize: Int = 256, maximumQueuedWrites: Int = 4_096) {
        precondition(maximumGroupSize >= 1, "a group holds at least one write")
        precondition(maximumQueuedWrites >= 1, "the queue holds at least one write")
        self.maximumGroupSize = maximumGroupSize
        self.maximumQueuedWrites = maximumQueuedWrites
    }
}
