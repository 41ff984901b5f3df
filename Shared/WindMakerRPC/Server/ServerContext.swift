public import Logging

/// What a handler knows about the call it is serving.
///
/// The server also binds it to ``ServerContext/current`` for the handler's task, so that a call the handler
/// makes to another service inherits the remaining deadline.
public struct ServerContext: Sendable {
    /// The method being called.
    public let descriptor: MethodDescriptor
    /// The caller, from its TLS client certificate.
    public let peer: PeerIdentity
    /// The caller's address, for logs.
    public let remoteAddress: String
    /// When the caller stops waiting; the server cancels the handler then.
    public let deadline: ContinuousClock.Instant?
    /// Metadata the caller sent.
    public let requestMetadata: Metadata
    /// A logger carrying `rpc.method`, `rpc.peer` and the request id.
    public let logger: Logger
    private let responseMetadataBox: ResponseMetadataBox

    public init(
        descriptor: MethodDescriptor,
        peer: PeerIdentity,
        remoteAddress: String,
        deadline: ContinuousClock.Instant?,
        requestMetadata: Metadata,
        logger: Logger
    ) {
        self.descriptor = descriptor
        self.peer = peer
        self.remoteAddress = remoteAddress
        self.deadline = deadline
        self.requestMetadata = requestMetadata
        self.logger = logger
        self.responseMetadataBox = ResponseMetadataBox()
    }

    /// Adds a pair to the metadata sent back with the final status.
    public func addResponseMetadata(_ key: String, _ value: String) {
        self.responseMetadataBox.add(key, value)
    }

    /// The metadata the handler added, sent with the final status.
    public var responseMetadata: Metadata { self.responseMetadataBox.metadata }

    /// Whether the call was cancelled: by the client, by its deadline, or by the server shutting down hard.
    public var isCancelled: Bool { Task.isCancelled }

    /// The context of the call the current task is serving, if any.
    @TaskLocal public static var current: ServerContext?
}
