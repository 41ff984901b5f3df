public import Logging
public import WindMakerRPC

extension ServerContext {
    /// The context a handler sees, for calling a service adapter or handler directly, without a connection.
    /// - Parameters:
    ///   - descriptor: the method being called.
    ///   - peer: the caller (anonymous unless a test needs an identity, e.g. for access rules or audit entries).
    ///   - metadata: the request metadata (an `idempotency-key`, say).
    public static func testing(
        _ descriptor: MethodDescriptor,
        peer: PeerIdentity = .anonymous,
        deadline: ContinuousClock.Instant? = nil,
        metadata: Metadata = [:],
        logger: Logger = Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() })
    ) -> ServerContext {
        ServerContext(
            descriptor: descriptor,
            peer: peer,
            remoteAddress: "127.0.0.1:1",
            deadline: deadline,
            requestMetadata: metadata,
            logger: logger
        )
    }
}
