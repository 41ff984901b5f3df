internal import WindMakerMessages
public import WindMakerRPC

/// The one place registry errors become wire statuses.
///
/// | case | status |
/// |---|---|
/// | `invalidArgument` | `INVALID_ARGUMENT`, with a `windmaker.rpc.v1.BadRequest` detail listing the violations (the |
/// |  | first 100, then "and N more": ``FieldViolation/capped(_:)``) |
/// | `notFound` | `NOT_FOUND` |
/// | `alreadyExists` | `ALREADY_EXISTS` |
/// | `staleVersion` | `ABORTED` (the client re-reads and retries) |
/// | `illegalTransition`, `illegalBindingTransition` | `FAILED_PRECONDITION` |
/// | `invitationRequired` | `PERMISSION_DENIED` |
/// | `bindingConflict` | `FAILED_PRECONDITION`: the proposal is a new binding, not a duplicate of the existing one; the
/// |  | system's state (another provider's active binding) must change first |
/// | `providerNotActive` | `FAILED_PRECONDITION` |
extension RegistryError: RPCErrorConvertible {
    /// The type URL of the `BadRequest` detail attached to `INVALID_ARGUMENT`.
    public static let badRequestTypeURL = "type.windmaker/\(RPCV1.BadRequest.protoName)"

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
        RPCError(self.code, self.description, details: self.details)
    }

    private var details: [RPCErrorDetail] {
        guard case .invalidArgument(let violations) = self, !violations.isEmpty else { return [] }
        let badRequest = RPCV1.BadRequest(
            violations: FieldViolation.capped(violations).map {
                RPCV1.FieldViolation(field: $0.field, description: $0.description)
            }
        )
        // Encoding fails only for a string containing NUL (echoed user input); the message still carries the text.
        guard let bytes = try? badRequest.serializedBytes() else { return [] }
        return [RPCErrorDetail(typeURL: Self.badRequestTypeURL, value: bytes)]
    }
}
