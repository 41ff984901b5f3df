internal import CWindMakerOpenSSL
import NIOCore

/// One OpenSSL `SSL` object wired to two memory BIOs, driven by ``OpenSSLHandler`` on its event loop.
///
/// Ciphertext from the network is appended to `readBIO` and consumed by OpenSSL; everything OpenSSL wants to
/// send (handshake flights, records, alerts, close_notify) accumulates in `writeBIO` until the handler drains it
/// into one buffer. Memory BIOs grow as needed, so OpenSSL never reports "want write".
final class SSLConnection {
    /// Outcome of one handshake step.
    enum HandshakeResult {
        case complete
        case inProgress
        case failed(TLSError)
    }

    /// Outcome of one `SSL_read`.
    enum ReadResult {
        /// Plaintext was appended to the buffer.
        case readBytes
        /// All buffered ciphertext is consumed; wait for more from the network.
        case needMoreData
        /// The peer sent close_notify.
        case closeNotify
        case failed(TLSError)
    }

    /// Keeps the `SSL_CTX` (and the ALPN list its callbacks point into) alive as long as this `SSL`.
    let context: TLSContext
    private let ssl: OpaquePointer
    private let readBIO: OpaquePointer
    private let writeBIO: OpaquePointer

    /// Creates the `SSL` for one connection.
    ///
    /// - Parameter serverName: for clients, the DNS name or IP literal the server's certificate must carry.
    init(context: TLSContext, serverName: String?) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(context.sslContext) else {
            throw Self.error(.invalidConfiguration, "could not create an SSL connection")
        }
        guard let readBIO = BIO_new(BIO_s_mem()), let writeBIO = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw Self.error(.invalidConfiguration, "could not create memory BIOs")
        }
        SSL_set_bio(ssl, readBIO, writeBIO)  // The SSL now owns both BIOs and frees them with itself.
        self.context = context
        self.ssl = ssl
        self.readBIO = readBIO
        self.writeBIO = writeBIO

        switch context.configuration.role {
        case .server:
            SSL_set_accept_state(ssl)
        case .client:
            SSL_set_connect_state(ssl)
            if let serverName { try self.expectServerName(serverName) }
        }
    }

    deinit {
        SSL_free(self.ssl)
    }

    private func expectServerName(_ name: String) throws(TLSError) {
        let isIPAddress = (try? SocketAddress(ipAddress: name, port: 0)) != nil
        let accepted: Bool
        if isIPAddress {
            // SSL_set1_host only matches DNS names; an IP literal must match an IP SAN instead.
            accepted = X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(self.ssl), name) == 1
        } else {
            SSL_set_hostflags(self.ssl, UInt32(X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS))
            accepted = SSL_set1_host(self.ssl, name) == 1 && wm_SSL_set_tlsext_host_name(self.ssl, name) == 1
        }
        if !accepted {
            throw Self.error(.invalidConfiguration, "cannot verify server name '\(name)'")
        }
    }

    // MARK: Handshake

    func doHandshake() -> HandshakeResult {
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(self.ssl)
        if result == 1 { return .complete }
        switch SSL_get_error(self.ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .inProgress
        default:
            return .failed(self.failure(.handshakeFailed, "TLS handshake failed"))
        }
    }

    /// The negotiated ALPN protocol, if any.
    var applicationProtocol: String? {
        var data: UnsafePointer<UInt8>? = nil
        var length: UInt32 = 0
        SSL_get0_alpn_selected(self.ssl, &data, &length)
        guard let data, length > 0 else { return nil }
        return String(decoding: UnsafeBufferPointer(start: data, count: Int(length)), as: UTF8.self)
    }

    /// The negotiated protocol version (`TLSv1.3`).
    var protocolVersion: String {
        String(cString: SSL_get_version(self.ssl))
    }

    /// The verified peer's identity, or nil when it sent no certificate.
    func peerIdentity() -> TLSPeerIdentity? {
        guard let certificate = SSL_get0_peer_certificate(self.ssl) else { return nil }
        return TLSPeerIdentity(certificate: certificate)
    }

    // MARK: Data

    /// Hands ciphertext received from the network to OpenSSL.
    func receiveCiphertext(_ buffer: ByteBuffer) {
        buffer.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return }
            var written = 0
            // A memory BIO only fails to grow when allocation fails, which we cannot recover from anyway.
            _ = BIO_write_ex(self.readBIO, base, bytes.count, &written)
        }
    }

    /// Decrypts as much plaintext as fits into `buffer`'s writable space.
    func readPlaintext(into buffer: inout ByteBuffer) -> ReadResult {
        var result = ReadResult.needMoreData
        // SSL_get_error reads this thread's error queue, which another connection on the loop may have left dirty.
        OpenSSLErrorQueue.clear()
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: 1) { space in
            var read = 0
            if SSL_read_ex(self.ssl, space.baseAddress, space.count, &read) == 1 {
                result = .readBytes
                return read
            }
            switch SSL_get_error(self.ssl, 0) {
            case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
                result = .needMoreData
            case SSL_ERROR_ZERO_RETURN:
                result = .closeNotify
            default:
                result = .failed(self.failure(.connectionFailed, "TLS read failed"))
            }
            return 0
        }
        return result
    }

    /// Encrypts all of `buffer` into records in the write BIO; returns an error if OpenSSL refused.
    func writePlaintext(_ buffer: ByteBuffer) -> TLSError? {
        buffer.withUnsafeReadableBytes { bytes in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return nil }
            var written = 0
            OpenSSLErrorQueue.clear()
            // Without SSL_MODE_ENABLE_PARTIAL_WRITE and with a growable memory BIO, success means all of it.
            if SSL_write_ex(self.ssl, base, bytes.count, &written) == 1 { return nil }
            return self.failure(.connectionFailed, "TLS write failed")
        }
    }

    /// Queues our close_notify; returns true once the peer's close_notify has also been received.
    func shutdown() -> Bool {
        OpenSSLErrorQueue.clear()
        let result = SSL_shutdown(self.ssl)
        if result < 0 { _ = OpenSSLErrorQueue.drain() }
        return result == 1
    }

    /// Bytes OpenSSL has produced for the network and not yet drained.
    var pendingCiphertextCount: Int {
        wm_BIO_pending(self.writeBIO)
    }

    /// Moves every pending ciphertext byte into `buffer`.
    func drainCiphertext(into buffer: inout ByteBuffer) {
        let pending = self.pendingCiphertextCount
        guard pending > 0 else { return }
        buffer.writeWithUnsafeMutableBytes(minimumWritableBytes: pending) { space in
            var read = 0
            _ = BIO_read_ex(self.writeBIO, space.baseAddress, pending, &read)
            return read
        }
    }

    // MARK: Errors

    private func failure(_ code: TLSError.Code, _ message: String) -> TLSError {
        let drained = OpenSSLErrorQueue.drain()
        let openSSLReason = drained.summary(fallback: "connection closed by peer or protocol error")
        let configuration = self.context.configuration
        var reason =
            HandshakeRefusal.explanation(
                for: openSSLReason,
                role: configuration.role,
                applicationProtocols: configuration.applicationProtocols
            ).map { "\($0) (\(openSSLReason))" } ?? openSSLReason
        let verifyResult = SSL_get_verify_result(self.ssl)
        if verifyResult != X509_V_OK, let text = X509_verify_cert_error_string(verifyResult) {
            reason += " (\(String(cString: text)))"
        }
        return TLSError(
            code: code,
            reason: "\(message): \(reason)",
            openSSLErrors: drained.lines,
            kind: code == .handshakeFailed ? HandshakeRefusal.kind(of: openSSLReason) : nil
        )
    }

    private static func error(_ code: TLSError.Code, _ message: String) -> TLSError {
        let drained = OpenSSLErrorQueue.drain()
        return TLSError(
            code: code,
            reason: "\(message): \(drained.summary(fallback: "unknown OpenSSL error"))",
            openSSLErrors: drained.lines
        )
    }
}
