import WindMakerKit
public import WindMakerRPC
public import WindMakerRegistry
import WindMakerServiceKit

/// The one place registry errors become wire statuses.
///
/// | case | status |
/// |---|---|
/// | `invalidArgument` | `INVALID_ARGUMENT`, with a `windmaker.rpc.v1.BadRequest` detail listing the violations |
/// |  | (``BadRequest/status(_:)``: the first 100, then "and N more") |
/// | `notFound` | `NOT_FOUND` |
/// | `alreadyExists` | `ALREADY_EXISTS` |
/// | `staleVersion` | `ABORTED` (the client re-reads and retries) |
/// | `illegalTransition`, `illegalBindingTransition` | `FAILED_PRECONDITION` |
/// | `invitationRequired` | `PERMISSION_DENIED` |
/// | `bindingConflict` | `FAILED_PRECONDITION`: the proposal is a new binding, not a duplicate of the existing one; the
/// |  | system's state (another provider's active binding) must change first |
/// | `providerNotActive` | `FAILED_PRECONDITION` |
extension RegistryError: RPCErrorConvertible {
    /// The status code this error is sent with.
    public var code: RPCError.Code {
        switch self {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .staleVersion: .aborted
        case .illegalTransition, .illegalBindingTransition, .bindingConflict, .providerNotActive: .failedPrecondition
        case .invitationRequired: .permissionDenied
        }
    }

    public var rpcError: RPCError {
        if case .invalidArgument(let violations) = self { return BadRequest.status(violations) }
        return RPCError(self.code, self.description)
    }
}
