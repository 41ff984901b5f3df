public import WindMakerRPC

/// How long a call without a client deadline may run before the server ends it with `DEADLINE_EXCEEDED`: one
/// default, and longer or shorter limits for the methods that need them (a streaming ingest, a health `Watch`).
///
/// ```swift
/// var timeouts = CallTimeouts(default: .seconds(300))
/// timeouts.set(.seconds(3600), for: HealthV1.Health.Method.watch)
/// ```
///
/// A client deadline always wins, even a longer one: the client asked for it and can cancel.
public struct CallTimeouts: Sendable {
    /// The limit for methods without one of their own.
    public var `default`: Duration
    private var perMethod: [String: Duration] = [:]

    /// - Parameter default: the limit for methods without one of their own (5 minutes unless given).
    public init(default: Duration = .seconds(300)) {
        self.default = `default`
    }

    /// Gives `method` a limit of its own.
    public mutating func set(_ limit: Duration, for method: MethodDescriptor) {
        self.perMethod[method.fullName] = limit
    }

    /// Gives `method` a limit of its own unless it has one already: for servers' defaults that operators override.
    public mutating func setIfUnset(_ limit: Duration, for method: MethodDescriptor) {
        if self.perMethod[method.fullName] == nil { self.perMethod[method.fullName] = limit }
    }

    /// The limit for a call of `method` that carries no deadline.
    public func limit(for method: MethodDescriptor) -> Duration {
        self.perMethod[method.fullName] ?? self.default
    }
}
