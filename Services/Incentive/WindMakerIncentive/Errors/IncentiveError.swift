public import WindMakerKit

/// Everything an incentive operation can refuse, in domain terms; the RPC adapter maps each case to a status.
public enum IncentiveError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request is invalid; every violation names its field (for a rules document, its path).
    case invalidArgument([FieldViolation])
    /// No such program, rules version, batch, account or transfer.
    case notFound(what: String)
    /// Already exists with other content.
    case alreadyExists(String)
    /// The operation does not fit the current state (or the budget), which the message names.
    case failedPrecondition(String)
    /// The caller may call the method but not do this (the four-eyes rule, another provider's statement).
    case permissionDenied(String)

    public var description: String {
        switch self {
        case .invalidArgument(let violations): FieldViolation.summary(of: violations)
        case .notFound(let what): "\(what) does not exist"
        case .alreadyExists(let message), .failedPrecondition(let message), .permissionDenied(let message): message
        }
    }

    /// Runs a check whose ``InvalidRequest`` becomes ``invalidArgument(_:)``.
    package static func checking<T>(_ check: () throws(InvalidRequest) -> T) throws(IncentiveError) -> T {
        do {
            return try check()
        } catch {
            throw .invalidArgument(error.violations)
        }
    }

    /// The ledger's refusal in the same terms.
    public init(_ error: LedgerError) {
        switch error {
        case .invalid(let field, let problem):
            self = .invalidArgument([FieldViolation(field: field, description: problem)])
        case .unitMismatch, .overflow:
            self = .invalidArgument([FieldViolation(field: "amount", description: error.description)])
        case .unknownAccount(let account): self = .notFound(what: "account \(account)")
        case .unknownTransfer(let transfer): self = .notFound(what: "transfer \(transfer)")
        case .idReused: self = .alreadyExists(error.description)
        case .overdraft, .illegalTransition: self = .failedPrecondition(error.description)
        }
    }
}

extension IncentiveError: FieldViolationReporting {
    public var fieldViolations: [FieldViolation]? {
        guard case .invalidArgument(let violations) = self else { return nil }
        return violations
    }
}
