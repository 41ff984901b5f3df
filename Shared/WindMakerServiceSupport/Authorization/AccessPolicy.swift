public import WindMakerRPC

/// The per-method rule table of a server: which principals may call which method. A method without a rule is
/// closed to everyone, so a new method is never open by accident.
///
/// ```swift
/// let policy = AccessPolicy([
///     EchoV1.Echo.Method.unary: [.operators, .services],
///     EchoV1.Echo.Method.collect: [.services],
/// ])
/// ```
public struct AccessPolicy: Sendable {
    private var rules: [String: [Principal]]

    public init(_ rules: [MethodDescriptor: [Principal]] = [:]) {
        self.rules = Dictionary(uniqueKeysWithValues: rules.map { ($0.key.fullName, $0.value) })
    }

    /// Adds (or replaces) the rule for one method.
    public mutating func allow(_ principals: [Principal], toCall method: MethodDescriptor) {
        self.rules[method.fullName] = principals
    }

    /// The principals allowed to call `method`; empty when it has no rule.
    public func principals(for method: MethodDescriptor) -> [Principal] {
        self.rules[method.fullName] ?? []
    }

    /// Whether `peer` may call `method`.
    public func allows(_ peer: PeerIdentity, toCall method: MethodDescriptor) -> Bool {
        self.principals(for: method).contains { $0.matches(peer) }
    }

    /// Every method with a rule, sorted, with its principals: the table operators read in the docs.
    public var table: [(method: String, principals: [Principal])] {
        self.rules.keys.sorted().map { ($0, self.rules[$0]!) }
    }
}
