import CoreMetrics
import WindMakerRPC

/// What the server counts, through swift-metrics: nothing until the process bootstraps a backend (the server
/// executables bootstrap Prometheus), so tests and clients pay a no-op call.
///
/// Names follow Prometheus conventions; every label takes values from a fixed set (method names come from the
/// router, codes and reasons from enums), so a peer cannot grow the number of series.
package enum ServerMetrics {
    static let requests = "wm_rpc_requests_total"
    static let duration = "wm_rpc_request_duration_seconds"
    static let refusedFrames = "wm_rpc_frames_refused_total"

    /// Calls between their HEADERS frame and their final status.
    static let inFlightCalls = Meter(label: "wm_rpc_in_flight_calls")
    /// Connections admitted and not yet closed (TLS handshakes in progress included).
    static let openConnections = Meter(label: "wm_rpc_open_connections")

    /// Every reason ``refused(_:)`` counts, so that each series exists (at zero) from the start.
    package static let refusalReasons = [
        "frame_too_large", "unknown_frame_type", "invalid_window_update", "inbound_limit", "protocol_violation",
        "draining", "too_many_calls", "bad_headers", "unknown_method",
    ]

    /// Registers every refusal series at zero: a counter that appears only at its first event hides that event
    /// from `increase()` and `rate()`.
    package static func registerSeries() {
        for reason in Self.refusalReasons { _ = Counter(label: Self.refusedFrames, dimensions: [("reason", reason)]) }
    }

    /// A call refused before it reached a handler (its method is not known yet, or not served), counted with the
    /// calls under `method="unknown"` as well as under its refusal reason.
    static func refusedCall(_ code: RPCError.Code) {
        Counter(label: Self.requests, dimensions: [("method", "unknown"), ("code", code.description)]).increment()
    }

    /// A frame the server refused, with why: `frame_too_large`, `unknown_frame_type`, `invalid_window_update`,
    /// `inbound_limit`, `protocol_violation`, or for a call's HEADERS `draining`, `too_many_calls`, `bad_headers`,
    /// `unknown_method`.
    static func refused(_ reason: String) {
        Counter(label: Self.refusedFrames, dimensions: [("reason", reason)]).increment()
    }
}

/// One connection's handles for one method, made on its first call: the backend looks handles up under a lock, so
/// each connection keeps its own and touches them only on its event loop.
final class MethodMetrics {
    private let method: String
    private let duration: Timer
    private var requests: [RPCError.Code: Counter] = [:]
    private var okRequests: Counter

    init(method: String) {
        self.method = method
        self.duration = Timer(label: ServerMetrics.duration, dimensions: [("method", method)])
        self.okRequests = Counter(label: ServerMetrics.requests, dimensions: [("method", method), ("code", "OK")])
    }

    /// Counts a call that ended with `code` (`nil` for OK) after `elapsed`.
    func finished(_ code: RPCError.Code?, after elapsed: Duration) {
        let (seconds, attoseconds) = elapsed.components
        self.duration.recordNanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
        guard let code else { return self.okRequests.increment() }
        if let counter = self.requests[code] { return counter.increment() }
        let counter = Counter(
            label: ServerMetrics.requests,
            dimensions: [("method", self.method), ("code", code.description)]
        )
        self.requests[code] = counter
        counter.increment()
    }
}
