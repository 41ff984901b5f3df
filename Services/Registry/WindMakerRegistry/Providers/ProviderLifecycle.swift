import WindMakerKit

/// The provider lifecycle as a state machine: each state carries what it needs (the reason for a suspension,
/// rejection or termination), and each ``ProviderAction`` is a `mutating` transition that either moves it or throws.
///
/// ```swift
/// var lifecycle = ProviderLifecycle.applied
/// try lifecycle.approve()                        // ACTIVE
/// try lifecycle.suspend(reason: "fraud review")  // SUSPENDED
/// try lifecycle.approve()                        // throws illegalTransition(from: .suspended, action: .approve)
/// ```
///
/// Reasons are trimmed and must be 1–500 characters where the action requires one (``ProviderAction/requiresReason``);
/// approve and reinstate accept an optional note under the same limit.
public enum ProviderLifecycle: Hashable, Sendable {
    case applied
    case active
    case suspended(reason: String)
    case rejected(reason: String)
    case terminated(reason: String)

    /// The longest reason accepted, in characters.
    public static let maximumReasonLength = 500

    /// Restores a lifecycle from stored columns; a missing reason for a state that has one becomes empty.
    public init(status: ProviderStatus, reason: String?) {
        switch status {
        case .applied: self = .applied
        case .active: self = .active
        case .suspended: self = .suspended(reason: reason ?? "")
        case .rejected: self = .rejected(reason: reason ?? "")
        case .terminated: self = .terminated(reason: reason ?? "")
        }
    }

    /// The status, without the reason.
    public var status: ProviderStatus {
        switch self {
        case .applied: .applied
        case .active: .active
        case .suspended: .suspended
        case .rejected: .rejected
        case .terminated: .terminated
        }
    }

    /// The reason of the current state, if it has one.
    public var reason: String? {
        switch self {
        case .applied, .active: nil
        case .suspended(let reason), .rejected(let reason), .terminated(let reason): reason
        }
    }

    /// Applies `action`, checking the reason first (a bad argument is reported whatever the state).
    /// - Returns: the transition, for the audit trail.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` for a missing or over-long reason;
    ///   ``RegistryError/illegalTransition(from:action:)`` when the action is not allowed from the current status.
    @discardableResult
    public mutating func apply(
        _ action: ProviderAction,
        reason: String? = nil
    ) throws(RegistryError)
        -> ProviderTransition
    {
        let reason = try Self.checkedReason(reason, for: action)
        let from = self.status
        let next: ProviderLifecycle
        switch (self, action) {
        case (.applied, .approve), (.suspended, .reinstate):
            next = .active
        case (.applied, .reject):
            next = .rejected(reason: reason ?? "")
        case (.active, .suspend):
            next = .suspended(reason: reason ?? "")
        case (.active, .terminate), (.suspended, .terminate):
            next = .terminated(reason: reason ?? "")
        default:
            throw .illegalTransition(from: from, action: action)
        }
        self = next
        return ProviderTransition(action: action, from: from, to: next.status, reason: reason)
    }

    /// `APPLIED → ACTIVE`.
    @discardableResult
    public mutating func approve(note: String? = nil) throws(RegistryError) -> ProviderTransition {
        try self.apply(.approve, reason: note)
    }

    /// `APPLIED → REJECTED`, with the reason the applicant is told.
    @discardableResult
    public mutating func reject(reason: String) throws(RegistryError) -> ProviderTransition {
        try self.apply(.reject, reason: reason)
    }

    /// `ACTIVE → SUSPENDED`.
    @discardableResult
    public mutating func suspend(reason: String) throws(RegistryError) -> ProviderTransition {
        try self.apply(.suspend, reason: reason)
    }

    /// `SUSPENDED → ACTIVE`.
    @discardableResult
    public mutating func reinstate(note: String? = nil) throws(RegistryError) -> ProviderTransition {
        try self.apply(.reinstate, reason: note)
    }

    /// `ACTIVE | SUSPENDED → TERMINATED`.
    @discardableResult
    public mutating func terminate(reason: String) throws(RegistryError) -> ProviderTransition {
        try self.apply(.terminate, reason: reason)
    }

    private static func checkedReason(_ reason: String?, for action: ProviderAction) throws(RegistryError) -> String? {
        let trimmed = reason?.trimmedWhitespace ?? ""
        if trimmed.isEmpty {
            guard !action.requiresReason else {
                throw .invalidArgument([FieldViolation(field: "reason", description: "\(action) requires a reason")])
            }
            return nil
        }
        if let violation = TextRule.violation(of: trimmed, field: "reason", maximum: Self.maximumReasonLength) {
            throw .invalidArgument([violation])
        }
        return trimmed
    }
}
