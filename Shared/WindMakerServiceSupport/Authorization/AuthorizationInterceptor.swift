public import WindMakerRPC

/// Refuses a call with `PERMISSION_DENIED` unless the access policy lets the caller's identity call the method.
public struct AuthorizationInterceptor: ServerInterceptor {
    private let policy: AccessPolicy

    public init(policy: AccessPolicy) {
        self.policy = policy
    }

    public func intercept(context: ServerContext, next: (ServerContext) async throws -> Void) async throws {
        guard self.policy.allows(context.peer, toCall: context.descriptor) else {
            context.logger.notice("permission denied")
            throw RPCError(.permissionDenied, "\(context.peer) may not call \(context.descriptor)")
        }
        try await next(context)
    }
}
