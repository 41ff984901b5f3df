/// A TLS failure: loading credentials, the handshake, or the encrypted stream.
///
/// The handler fires it through `errorCaught` before it closes the channel, so handlers above can tell a refused
/// peer from an ordinary disconnect. `reason` is the short OpenSSL reason ("certificate verify failed"); the
/// full error-queue lines are in `openSSLErrors` for logs. Never send either to a peer.
public struct TLSError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, coarsely.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        private enum Value: String, Sendable, Hashable {
            case invalidConfiguration
            case credentialLoadFailed
            case handshakeFailed
            case handshakeTimedOut
            case applicationProtocolMismatch
            case connectionFailed
            case closedDuringHandshake
        }

        private let value: Value

        private init(_ value: Value) {
            self.value = value
        }

        /// The configuration cannot be used (for example a server without a certificate).
        public static let invalidConfiguration = Self(.invalidConfiguration)
        /// A certificate, key or trust file could not be read or does not match.
        public static let credentialLoadFailed = Self(.credentialLoadFailed)
        /// OpenSSL rejected the handshake (the peer's certificate, protocol version, or an alert from the peer).
        public static let handshakeFailed = Self(.handshakeFailed)
        /// The handshake did not finish within the configured timeout.
        public static let handshakeTimedOut = Self(.handshakeTimedOut)
        /// The peers did not agree on our ALPN protocol.
        public static let applicationProtocolMismatch = Self(.applicationProtocolMismatch)
        /// Reading or writing the encrypted stream failed after the handshake.
        public static let connectionFailed = Self(.connectionFailed)
        /// The transport closed before the handshake finished.
        public static let closedDuringHandshake = Self(.closedDuringHandshake)

        public var description: String { self.value.rawValue }
    }

    /// What went wrong, coarsely.
    public var code: Code
    /// A one-line explanation including the OpenSSL reason, suitable for logs.
    public var reason: String
    /// Every line drained from OpenSSL's error queue for this failure, oldest first.
    public var openSSLErrors: [String]
    /// A short name from a fixed set for counting failures by kind: the code, or for a refused handshake what the
    /// peer did (`no_client_certificate`, `untrusted_certificate`, `not_tls`, …, see ``HandshakeRefusal``).
    public var kind: String

    /// Creates an error.
    public init(code: Code, reason: String, openSSLErrors: [String] = [], kind: String? = nil) {
        self.code = code
        self.reason = reason
        self.openSSLErrors = openSSLErrors
        self.kind = kind ?? Self.snakeCase(code.description)
    }

    /// `handshakeTimedOut` as `handshake_timed_out`, the form metric labels take.
    static func snakeCase(_ name: String) -> String {
        name.reduce(into: "") { text, character in
            if character.isUppercase {
                text += "_" + character.lowercased()
            } else {
                text.append(character)
            }
        }
    }

    public var description: String { "TLSError(\(self.code)): \(self.reason)" }
}
