public import WindMakerKit

/// A provider in the registry: its identity, validated profile, lifecycle state and row version.
///
/// Every mutation goes through ``perform(_:reason:expectedVersion:by:at:)``, which checks the caller's expected
/// version (optimistic concurrency), applies the ``ProviderLifecycle`` transition, bumps the version and returns the
/// ``AuditEntry`` to append in the same transaction.
public struct Provider: Hashable, Sendable, Identifiable {
    /// The version a newly created provider has.
    public static let initialVersion: Int64 = 1

    /// Server-assigned, stable identity.
    public var id: ProviderID
    /// The validated application data.
    public var profile: ProviderProfile
    /// The lifecycle state, with the reason of a suspension, rejection or termination.
    public var lifecycle: ProviderLifecycle
    /// When the provider was created.
    public var createdAt: Timestamp
    /// When it last changed.
    public var updatedAt: Timestamp
    /// Incremented by every change; callers send the version they read, and a stale one is refused.
    public var version: Int64

    public init(
        id: ProviderID,
        profile: ProviderProfile,
        lifecycle: ProviderLifecycle,
        createdAt: Timestamp,
        updatedAt: Timestamp,
        version: Int64
    ) {
        self.id = id
        self.profile = profile
        self.lifecycle = lifecycle
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.version = version
    }

    /// A new provider from an application: `APPLIED` for reviewed types; `ACTIVE` when `invited` (strategic
    /// providers redeeming an invitation skip review).
    public init(id: ProviderID, profile: ProviderProfile, invited: Bool = false, at time: Timestamp) {
        self.init(
            id: id,
            profile: profile,
            lifecycle: invited ? .active : .applied,
            createdAt: time,
            updatedAt: time,
            version: Self.initialVersion
        )
    }

    /// The current status.
    public var status: ProviderStatus { self.lifecycle.status }

    /// The audit entry that records this provider's creation (from no status to its first one).
    public func creationAuditEntry(by actor: String) -> AuditEntry {
        AuditEntry(providerID: self.id, actor: actor, at: self.createdAt, from: nil, to: self.status, reason: nil)
    }

    /// Refuses a request made against another version of this provider.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` for a version below 1, which no provider has;
    ///   ``RegistryError/staleVersion(expected:actual:)``.
    public func checkVersion(_ expected: Int64) throws(RegistryError) {
        try RegistryError.checking { () throws(InvalidRequest) in try ExpectedVersion.check(expected) }
        guard expected == self.version else { throw .staleVersion(expected: expected, actual: self.version) }
    }

    /// Refuses work that only active providers may take (e.g. new bindings).
    /// - Throws: ``RegistryError/providerNotActive(_:status:)``.
    public func requireActive() throws(RegistryError) {
        guard self.status == .active else { throw .providerNotActive(self.id, status: self.status) }
    }

    /// Applies an operator's decision.
    /// - Parameters:
    ///   - action: the lifecycle action.
    ///   - reason: required for reject, suspend and terminate.
    ///   - expectedVersion: the version the caller read.
    ///   - actor: the caller's SPIFFE id, for the audit trail.
    ///   - time: now.
    /// - Returns: the audit entry to append.
    /// - Throws: ``RegistryError/staleVersion(expected:actual:)``, ``RegistryError/invalidArgument(_:)`` or
    ///   ``RegistryError/illegalTransition(from:action:)``; the provider is unchanged when it throws.
    @discardableResult
    public mutating func perform(
        _ action: ProviderAction,
        reason: String? = nil,
        expectedVersion: Int64,
        by actor: String,
        at time: Timestamp
    ) throws(RegistryError) -> AuditEntry {
        try self.checkVersion(expectedVersion)
        var lifecycle = self.lifecycle
        let transition = try lifecycle.apply(action, reason: reason)
        self.lifecycle = lifecycle
        self.version += 1
        self.updatedAt = time
        return AuditEntry(providerID: self.id, actor: actor, at: time, transition: transition)
    }
}
