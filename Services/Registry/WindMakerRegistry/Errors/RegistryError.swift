public import WindMakerKit

/// Every way a registry operation can fail in the domain, each with a message that says exactly what is wrong.
///
/// Each case maps to one canonical status in `RegistryError+RPC.swift`; ``description`` is the message sent.
public enum RegistryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The request has bad fields: all of them, each named (`INVALID_ARGUMENT`); a status lists the first
    /// ``FieldViolation/reportedMaximum`` (``FieldViolation/capped(_:)``).
    case invalidArgument([FieldViolation])
    /// No such provider, invitation or binding (`NOT_FOUND`).
    case notFound(RegistryEntity, id: String)
    /// A provider with this credit code exists already (`ALREADY_EXISTS`).
    case alreadyExists(creditCode: CreditCode, existing: ProviderID)
    /// The caller read an older version than the current one (`ABORTED`: read again and retry).
    case staleVersion(expected: Int64, actual: Int64)
    /// The provider's status does not allow the action (`FAILED_PRECONDITION`).
    case illegalTransition(from: ProviderStatus, action: ProviderAction)
    /// The binding's state does not allow the action (`FAILED_PRECONDITION`).
    case illegalBindingTransition(BindingID, from: Binding.State, action: BindingAction)
    /// A strategic provider may not join without a valid invitation (`PERMISSION_DENIED`).
    case invitationRequired(InvitationProblem)
    /// Another binding already holds the client and scope on some of the dates (`FAILED_PRECONDITION`).
    case bindingConflict(
        existing: BindingID,
        provider: ProviderID,
        client: ClientRef,
        scope: BindingScope,
        range: DateRange
    )
    /// Only active providers may do this, e.g. take new bindings (`FAILED_PRECONDITION`).
    case providerNotActive(ProviderID, status: ProviderStatus)

    public var description: String {
        switch self {
        case .invalidArgument(let violations):
            return FieldViolation.summary(of: violations)
        case .notFound(let entity, let id):
            return "\(entity) \(id) does not exist"
        case .alreadyExists(let creditCode, let existing):
            return "a provider with credit code \(creditCode) already exists: \(existing)"
        case .staleVersion(let expected, let actual):
            return "version \(expected) is stale: the current version is \(actual); read it again and retry"
        case .illegalTransition(let from, let action):
            return "cannot \(action) a provider that is \(from)"
        case .illegalBindingTransition(let id, let from, let action):
            return "cannot \(action) binding \(id): it is \(from)"
        case .invitationRequired(let problem):
            return problem.description
        case .bindingConflict(let existing, let provider, let client, let scope, let range):
            return "\(client) already has an active \(scope) binding on some of these dates: \(existing) with "
                + "provider \(provider) over \(range)"
        case .providerNotActive(let id, let status):
            return "provider \(id) is \(status); only ACTIVE providers may do this"
        }
    }
}

extension RegistryError {
    /// Runs one of the kit's checks (page, version, key), reporting its refusal as the registry's own
    /// ``invalidArgument(_:)``, so callers of the registry meet one error type.
    package static func checking<T>(_ check: () throws(InvalidRequest) -> T) throws(RegistryError) -> T {
        do {
            return try check()
        } catch {
            throw .invalidArgument(error.violations)
        }
    }
}

extension RegistryError: FieldViolationReporting {
    public var fieldViolations: [FieldViolation]? {
        guard case .invalidArgument(let violations) = self else { return nil }
        return violations
    }
}
