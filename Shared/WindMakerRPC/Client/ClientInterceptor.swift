/// Code that runs around every call a client makes: adding metadata, logging, metrics.
///
/// ```swift
/// struct RequestIDs: ClientInterceptor {
///     func intercept<Output: Sendable>(
///         _ call: ClientCallInfo, next: (ClientCallInfo) async throws -> Output
///     ) async throws -> Output {
///         var call = call
///         call.metadata.set(Metadata.Keys.requestID, UUID().uuidString)
///         return try await next(call)
///     }
/// }
/// ```
public protocol ClientInterceptor: Sendable {
    /// Runs around one call (all of its attempts).
    func intercept<Output: Sendable>(
        _ call: ClientCallInfo,
        next: (ClientCallInfo) async throws -> Output
    ) async throws -> Output
}
