public import WindMakerAssessment
public import WindMakerRPC
import WindMakerServiceKit

/// The one place assessment errors become wire statuses.
///
/// | case | status |
/// |---|---|
/// | `invalidArgument` | `INVALID_ARGUMENT`, with a `windmaker.rpc.v1.BadRequest` detail listing every violation |
/// | `notFound` | `NOT_FOUND` |
/// | `failedPrecondition` | `FAILED_PRECONDITION`, naming the current state or the rule broken |
extension AssessmentError: RPCErrorConvertible {
    public var code: RPCError.Code {
        switch self {
        case .invalidArgument: .invalidArgument
        case .notFound: .notFound
        case .failedPrecondition: .failedPrecondition
        }
    }

    public var rpcError: RPCError {
        if case .invalidArgument(let violations) = self { return BadRequest.status(violations) }
        return RPCError(self.code, self.description)
    }
}
