internal import CWindMakerOpenSSL

/// An OpenSSL `SSL_CTX` built once from a ``TLSConfiguration`` and shared by every connection that uses it.
///
/// Building it loads and checks the credentials, so a bad path or a key that does not match its certificate
/// fails at startup with a ``TLSError`` naming the file, not at the first connection.
///
/// The context enforces TLS 1.3 only, peer verification (servers also require a client certificate), ALPN, and
/// no session resumption: every connection authenticates its peer's certificate afresh.
public final class TLSContext: @unchecked Sendable {
    // @unchecked: the stored pointers are written only in `init` and freed only in `deinit`. After `init` returns,
    // the SSL_CTX is only read (SSL_new and SSL_CTX_get0_certificate, which OpenSSL documents as safe to call
    // concurrently on a configured SSL_CTX), and `applicationProtocols` is immutable memory read by OpenSSL callbacks.

    /// The configuration this context was built from.
    public let configuration: TLSConfiguration

    let sslContext: OpaquePointer
    private let applicationProtocols: UnsafeMutablePointer<ApplicationProtocolList>

    /// The names in our own certificate, so a server can check at start that it holds the identity it serves as;
    /// `nil` for a client without a certificate.
    public var ownIdentity: TLSPeerIdentity? {
        SSL_CTX_get0_certificate(self.sslContext).map { TLSPeerIdentity(certificate: $0) }
    }

    /// Builds the OpenSSL context and loads the credentials.
    ///
    /// - Throws: ``TLSError`` with code `invalidConfiguration` for inconsistent settings, or
    ///   `credentialLoadFailed` naming the file and OpenSSL's reason.
    public init(configuration: TLSConfiguration) throws(TLSError) {
        try Self.validate(configuration)
        OpenSSLErrorQueue.clear()
        guard let sslContext = SSL_CTX_new(TLS_method()) else {
            throw Self.failure(.invalidConfiguration, "could not create an SSL_CTX")
        }
        self.configuration = configuration
        self.sslContext = sslContext
        self.applicationProtocols = ApplicationProtocolList.allocate(configuration.applicationProtocols)
        // Every stored property is set, so a throw below still runs deinit and frees both allocations.
        try self.applyPolicy()
        try self.loadCredentials()
        try self.checkOwnCertificate()
        self.configureApplicationProtocols()
    }

    deinit {
        SSL_CTX_free(self.sslContext)
        ApplicationProtocolList.deallocate(self.applicationProtocols)
    }

    private static func validate(_ configuration: TLSConfiguration) throws(TLSError) {
        if configuration.role == .server && configuration.certificateChainPath == nil {
            throw TLSError(code: .invalidConfiguration, reason: "a TLS server needs a certificate chain")
        }
        if (configuration.certificateChainPath == nil) != (configuration.privateKeyPath == nil) {
            throw TLSError(
                code: .invalidConfiguration,
                reason: "certificate chain and private key must be given together"
            )
        }
        if configuration.applicationProtocols.isEmpty {
            throw TLSError(code: .invalidConfiguration, reason: "at least one ALPN protocol is required")
        }
        for name in configuration.applicationProtocols where name.utf8.isEmpty || name.utf8.count > 255 {
            throw TLSError(code: .invalidConfiguration, reason: "ALPN protocol '\(name)' must be 1...255 bytes")
        }
    }

    private func applyPolicy() throws(TLSError) {
        guard wm_SSL_CTX_set_min_proto_version(self.sslContext, TLS1_3_VERSION) == 1,
            wm_SSL_CTX_set_max_proto_version(self.sslContext, TLS1_3_VERSION) == 1
        else {
            throw Self.failure(.invalidConfiguration, "could not restrict the context to TLS 1.3")
        }
        SSL_CTX_set_options(
            self.sslContext,
            wm_SSL_OP_NO_TICKET() | wm_SSL_OP_NO_RENEGOTIATION() | wm_SSL_OP_NO_COMPRESSION()
        )
        _ = wm_SSL_CTX_set_release_buffers(self.sslContext)
        // No resumption: a resumed session would skip certificate verification, and RPC connections are long-lived.
        _ = wm_SSL_CTX_set_session_cache_mode(self.sslContext, Int(SSL_SESS_CACHE_OFF))
        _ = SSL_CTX_set_num_tickets(self.sslContext, 0)

        switch self.configuration.role {
        case .server:
            SSL_CTX_set_verify(self.sslContext, SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nil)
        case .client:
            SSL_CTX_set_verify(self.sslContext, SSL_VERIFY_PEER, nil)
        }
    }

    private func loadCredentials() throws(TLSError) {
        let configuration = self.configuration
        let context = self.sslContext
        if let chain = configuration.certificateChainPath, let key = configuration.privateKeyPath {
            try Self.load("certificate chain", from: chain) { SSL_CTX_use_certificate_chain_file(context, chain) }
            try Self.load("private key", from: key) { SSL_CTX_use_PrivateKey_file(context, key, SSL_FILETYPE_PEM) }
            try Self.load("private key", from: key, what: "does not match the certificate in \(chain)") {
                SSL_CTX_check_private_key(context)
            }
        }
        let roots = configuration.trustRootsPath
        try Self.load("trusted CA certificates", from: roots) { SSL_CTX_load_verify_locations(context, roots, nil) }
        if configuration.role == .server {
            // Names our CA in the CertificateRequest so clients holding several certificates pick the right one.
            OpenSSLErrorQueue.clear()
            if let names = SSL_load_client_CA_file(roots) {
                SSL_CTX_set_client_CA_list(context, names)
            } else {
                _ = OpenSSLErrorQueue.drain()
            }
        }
    }

    /// A server whose certificate may not authenticate a TLS server (a client-only certificate) would start and
    /// then fail every handshake; refuse it here instead, naming the file.
    private func checkOwnCertificate() throws(TLSError) {
        guard self.configuration.role == .server, let certificate = SSL_CTX_get0_certificate(self.sslContext) else {
            return
        }
        OpenSSLErrorQueue.clear()
        guard X509_check_purpose(certificate, X509_PURPOSE_SSL_SERVER, 0) == 1 else {
            _ = OpenSSLErrorQueue.drain()
            let path = self.configuration.certificateChainPath ?? "the certificate chain"
            throw TLSError(
                code: .credentialLoadFailed,
                reason: "the certificate in \(path) may not be used by a TLS server: its key usage does not allow"
                    + " serverAuth (is it a client certificate?)"
            )
        }
    }

    private func configureApplicationProtocols() {
        let list = self.applicationProtocols
        switch self.configuration.role {
        case .server:
            SSL_CTX_set_alpn_select_cb(self.sslContext, ApplicationProtocolList.selectCallback, list)
            SSL_CTX_set_client_hello_cb(self.sslContext, ApplicationProtocolList.clientHelloCallback, nil)
        case .client:
            // Unlike most OpenSSL setters this one returns 0 on success.
            _ = SSL_CTX_set_alpn_protos(self.sslContext, list.pointee.bytes, UInt32(list.pointee.count))
        }
    }

    private static func load(
        _ item: String,
        from path: String,
        what problem: String? = nil,
        _ body: () -> Int32
    ) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard body() != 1 else { return }
        let drained = OpenSSLErrorQueue.drain()
        // OpenSSL checks a key against the certificate already loaded when it loads the key; say so in our words.
        let mismatch = drained.reasons.first == "key values mismatch" ? "it does not match the certificate" : nil
        let detail = problem ?? mismatch ?? drained.summary(fallback: "unknown OpenSSL error")
        throw TLSError(
            code: .credentialLoadFailed,
            reason: "could not load \(item) from \(path): \(detail)",
            openSSLErrors: drained.lines
        )
    }

    private static func failure(_ code: TLSError.Code, _ message: String) -> TLSError {
        let drained = OpenSSLErrorQueue.drain()
        return TLSError(
            code: code,
            reason: "\(message): \(drained.summary(fallback: "unknown OpenSSL error"))",
            openSSLErrors: drained.lines
        )
    }
}
