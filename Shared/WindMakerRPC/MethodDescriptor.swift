/// Names a method on the wire: `package.Service/Method`.
public struct MethodDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// The fully qualified service name, e.g. `windmaker.health.v1.Health`.
    public let service: String
    /// The method name, e.g. `Check`.
    public let method: String
    /// How messages flow.
    public let kind: MethodKind

    public init(service: String, method: String, kind: MethodKind) {
        self.service = service
        self.method = method
        self.kind = kind
    }

    /// `service/method`, the name sent in the request headers.
    public var fullName: String { "\(self.service)/\(self.method)" }

    public var description: String { self.fullName }
}

/// How many messages each side of a call sends.
public enum MethodKind: String, Hashable, Sendable, CaseIterable {
    /// One request, one response.
    case unary
    /// One request, a stream of responses.
    case serverStreaming
    /// A stream of requests, one response.
    case clientStreaming
}
