/// Code that runs around every handler of a server: authorization, logging, metrics.
///
/// An interceptor either calls `next` (possibly with a changed context) or throws to refuse the call.
///
/// ```swift
/// struct RequireOperator: ServerInterceptor {
///     func intercept(context: ServerContext, next: (ServerContext) async throws -> Void) async throws {
///         guard context.peer.spiffeID?.hasPrefix("spiffe://windmaker/operator/") == true else {
///             throw RPCError(.permissionDenied, "\(context.descriptor) is for operators")
///         }
///         try await next(context)
///     }
/// }
/// ```
public protocol ServerInterceptor: Sendable {
    /// Runs around the handler of one call.
    func intercept(
        context: ServerContext,
        next: (ServerContext) async throws -> Void
    ) async throws
}

extension Array where Element == any ServerInterceptor {
    /// Runs `handler` inside every interceptor, the first one outermost.
    public func intercept(
        context: ServerContext,
        handler: (ServerContext) async throws -> Void
    ) async throws {
        try await self[...].intercept(context: context, handler: handler)
    }
}

extension ArraySlice where Element == any ServerInterceptor {
    fileprivate func intercept(
        context: ServerContext,
        handler: (ServerContext) async throws -> Void
    ) async throws {
        guard let first = self.first else {
            return try await handler(context)
        }
        try await first.intercept(context: context) { context in
            try await self.dropFirst().intercept(context: context, handler: handler)
        }
    }
}
