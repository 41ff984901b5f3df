/// A domain error that knows which status it is on the wire.
///
/// Domain modules conform their errors so handlers can throw them directly:
///
/// ```swift
/// extension ProviderError: RPCErrorConvertible {
///     var rpcError: RPCError { RPCError(.notFound, "provider \(id) does not exist") }
/// }
/// ```
public protocol RPCErrorConvertible: Error {
    /// The status this error is sent as.
    var rpcError: RPCError { get }
}

extension RPCError {
    /// The status for an arbitrary error thrown by a handler.
    ///
    /// Errors that are not ``RPCError`` or ``RPCErrorConvertible`` become `INTERNAL` with a generic message, so
    /// internal details never reach the wire; callers log the original.
    public init(from error: any Error) {
        switch error {
        case let error as RPCError:
            self = error
        case let error as any RPCErrorConvertible:
            self = error.rpcError
        case is CancellationError:
            self = RPCError(.cancelled, "the call was cancelled")
        default:
            self = RPCError(.internal, "internal error")
        }
    }
}
