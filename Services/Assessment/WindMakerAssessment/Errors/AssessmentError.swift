public import WindMakerKit

/// Everything an assessment operation can refuse, in domain terms; the RPC adapter maps each case to a status.
public enum AssessmentError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request is invalid; every violation names its field (for a rulebook, its path).
    case invalidArgument([FieldViolation])
    /// No such period, provider's scorecard, rulebook version or appeal.
    case notFound(what: String)
    /// The operation does not fit the current state, which the message names.
    case failedPrecondition(String)

    public var description: String {
        switch self {
        case .invalidArgument(let violations): FieldViolation.summary(of: violations)
        case .notFound(let what): "\(what) does not exist"
        case .failedPrecondition(let message): message
        }
    }

    /// Runs a check whose ``InvalidRequest`` becomes ``invalidArgument(_:)``.
    package static func checking<T>(_ check: () throws(InvalidRequest) -> T) throws(AssessmentError) -> T {
        do {
            return try check()
        } catch {
            throw .invalidArgument(error.violations)
        }
    }
}

extension AssessmentError: FieldViolationReporting {
    public var fieldViolations: [FieldViolation]? {
        guard case .invalidArgument(let violations) = self else { return nil }
        return violations
    }
}
