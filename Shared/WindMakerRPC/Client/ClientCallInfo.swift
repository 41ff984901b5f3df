/// The parts of an outgoing call that client interceptors may read and change.
public struct ClientCallInfo: Sendable {
    /// The method being called.
    public let descriptor: MethodDescriptor
    /// Metadata sent with the request.
    public var metadata: Metadata
    /// When the call gives up; nil waits forever.
    public var deadline: ContinuousClock.Instant?
    /// Whether a retry after a lost connection is harmless.
    public var isIdempotent: Bool

    public init(
        descriptor: MethodDescriptor,
        metadata: Metadata,
        deadline: ContinuousClock.Instant?,
        isIdempotent: Bool
    ) {
        self.descriptor = descriptor
        self.metadata = metadata
        self.deadline = deadline
        self.isIdempotent = isIdempotent
    }
}
