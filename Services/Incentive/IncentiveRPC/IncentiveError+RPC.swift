public import WindMakerIncentive
public import WindMakerRPC
import WindMakerServiceKit

/// The one place incentive errors become wire statuses.
///
/// | case | status |
/// |---|---|
/// | `invalidArgument` | `INVALID_ARGUMENT`, with a `windmaker.rpc.v1.BadRequest` detail listing every violation |
/// | `notFound` | `NOT_FOUND` |
/// | `alreadyExists` | `ALREADY_EXISTS` |
/// | `failedPrecondition` | `FAILED_PRECONDITION`, naming the state, the rule or the shortfall |
/// | `permissionDenied` | `PERMISSION_DENIED` (the four-eyes rule, another provider's statement) |
extension IncentiveError: RPCErrorConvertible {
    public var code: RPCError.Code {
        switch self {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .failedPrecondition: .failedPrecondition
        case .permissionDenied: .permissionDenied
        }
    }

    public var rpcError: RPCError {
        if case .invalidArgument(let violations) = self { return BadRequest.status(violations) }
        return RPCError(self.code, self.description)
    }
}

/// The ledger's refusals, where a ledger operation reaches the adapter directly.
extension LedgerError: RPCErrorConvertible {
    public var code: RPCError.Code { IncentiveError(self).code }
    public var rpcError: RPCError { IncentiveError(self).rpcError }
}
