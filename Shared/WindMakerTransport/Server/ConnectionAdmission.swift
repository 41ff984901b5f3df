import Logging
import Synchronization

/// Counts a server's connections and the TLS handshakes in progress, and refuses those past their caps with one
/// rate-limited log line each and a running count.
///
/// A connection counts as handshaking from the peer's first byte until it is authenticated: sockets that have sent
/// nothing cost no cryptography and are bounded by the connection cap and the TLS handshake timeout, so a crowd of
/// them cannot keep a legitimate client from starting its handshake.
public final class ConnectionAdmission: Sendable {
    /// Why a connection was refused.
    public enum Refusal: String, Sendable {
        case connections = "open connections"
        case handshakes = "TLS handshakes in progress"
    }

    private let maximumHandshakes: Int
    private let handshakes = Atomic<Int>(0)
    private let refusedConnections = Atomic<Int>(0)
    private let refusedHandshakes = Atomic<Int>(0)
    private let log = RateLimitedLog()
    private let logger: Logger

    init(maximumHandshakes: Int, logger: Logger) {
        self.maximumHandshakes = maximumHandshakes
        self.logger = logger
    }

    /// Connections refused so far for `reason`.
    public func refusals(_ reason: Refusal) -> Int {
        switch reason {
        case .connections: self.refusedConnections.load(ordering: .relaxed)
        case .handshakes: self.refusedHandshakes.load(ordering: .relaxed)
        }
    }

    /// Handshakes in progress now.
    public var handshakesInProgress: Int { self.handshakes.load(ordering: .relaxed) }

    /// Counts a handshake that has started; false (and nothing counted) when the cap is reached.
    func beginHandshake() -> Bool {
        let after = self.handshakes.wrappingAdd(1, ordering: .relaxed).newValue
        guard after <= self.maximumHandshakes else {
            self.handshakes.subtract(1, ordering: .relaxed)
            self.refused(.handshakes, limit: self.maximumHandshakes)
            return false
        }
        return true
    }

    func endHandshake() {
        self.handshakes.subtract(1, ordering: .relaxed)
    }

    /// Records a connection closed at once because `reason`'s cap of `limit` was reached.
    func refused(_ reason: Refusal, limit: Int) {
        let total =
            switch reason {
            case .connections: self.refusedConnections.add(1, ordering: .relaxed).newValue
            case .handshakes: self.refusedHandshakes.add(1, ordering: .relaxed).newValue
            }
        self.log.occurred { _ in
            self.logger.warning(
                "refusing connections: the server's limit of \(limit) \(reason.rawValue) is reached",
                metadata: ["rpc.refused_total": "\(total)"]
            )
        }
    }
}
