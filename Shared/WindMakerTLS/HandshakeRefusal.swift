import CoreMetrics

/// OpenSSL's short reasons for a failed handshake, in words an operator can act on.
///
/// The log line says what the peer did wrong and what we expected; OpenSSL's own reason follows in parentheses (and
/// every error-queue line stays in the log's metadata) so nothing is lost for whoever debugs OpenSSL itself.
package enum HandshakeRefusal {
    /// Our words for `reason` (OpenSSL's short reason, e.g. "peer did not return a certificate"), or `nil` for a
    /// reason without a better explanation.
    static func explanation(
        for reason: String,
        role: TLSConfiguration.Role,
        applicationProtocols: [String]
    ) -> String? {
        let expected = applicationProtocols.joined(separator: ", ")
        switch (reason, role) {
        // Our ClientHello callback fails only for a hello without ALPN (see ApplicationProtocolList).
        case ("callback failed", .server):
            return "the client offered no application protocol (ALPN); expected \(expected)"
        case ("no application protocol", .server):
            return "the client offered only other application protocols (ALPN); expected \(expected)"
        case ("tlsv1 alert no application protocol", .client):
            return "the server does not speak \(expected) (it refused our ALPN offer)"
        case ("peer did not return a certificate", .server):
            return "the client presented no certificate; every caller needs one signed by the deployment's CA"
        case ("tlsv13 alert certificate required", .client):
            return "the server requires a client certificate and this process has none"
        case ("certificate verify failed", _):
            return "the peer's certificate is not signed by a CA we trust, or is not valid now"
        case ("tlsv1 alert unknown ca", _):
            return "the peer does not trust the CA that signed our certificate"
        case ("unsupported protocol", _), ("tlsv1 alert protocol version", _):
            return "the peer does not speak TLS 1.3, the only version Wind Maker accepts"
        case ("wrong version number", _), ("http request", _), ("packet length too long", _):
            return "the peer did not speak TLS (plain text or HTTP on a TLS port?)"
        default:
            return nil
        }
    }

    /// Every kind a server's failed handshake is counted under (``kind(of:)`` and the codes without an OpenSSL
    /// reason).
    package static let kinds = [
        "no_alpn", "no_client_certificate", "untrusted_certificate", "protocol_version", "not_tls", "other",
        "handshake_timed_out", "closed_during_handshake",
    ]

    /// Registers every handshake-failure series at zero, so that the first failure shows in `increase()`.
    package static func registerSeries() {
        for kind in Self.kinds { _ = Counter(label: "wm_tls_handshake_failures_total", dimensions: [("reason", kind)]) }
    }

    /// What the peer did, as a short name from a fixed set, for the handshake-failure metric's label.
    static func kind(of reason: String) -> String {
        switch reason {
        case "callback failed", "no application protocol", "tlsv1 alert no application protocol": "no_alpn"
        case "peer did not return a certificate", "tlsv13 alert certificate required": "no_client_certificate"
        case "certificate verify failed", "tlsv1 alert unknown ca": "untrusted_certificate"
        case "unsupported protocol", "tlsv1 alert protocol version": "protocol_version"
        case "wrong version number", "http request", "packet length too long": "not_tls"
        default: "other"
        }
    }
}
