/// One accepted move of the ``ProviderLifecycle``: what the audit trail records.
public struct ProviderTransition: Hashable, Sendable {
    /// The action that caused it.
    public var action: ProviderAction
    /// The status before.
    public var from: ProviderStatus
    /// The status after.
    public var to: ProviderStatus
    /// The reason given, trimmed; `nil` when the action took none.
    public var reason: String?

    public init(action: ProviderAction, from: ProviderStatus, to: ProviderStatus, reason: String?) {
        self.action = action
        self.from = from
        self.to = to
        self.reason = reason
    }
}
