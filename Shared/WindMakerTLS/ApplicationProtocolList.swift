internal import CWindMakerOpenSSL

/// Our ALPN protocols in TLS wire format (each name prefixed by its length), in memory OpenSSL can point into.
///
/// The server's select callback returns a pointer into this list, so it must outlive every connection of its
/// ``TLSContext``; connections keep their context alive, and the context frees the list in `deinit`.
struct ApplicationProtocolList {
    var bytes: UnsafeMutablePointer<UInt8>
    var count: Int

    static func allocate(_ protocols: [String]) -> UnsafeMutablePointer<Self> {
        var wire: [UInt8] = []
        for name in protocols {
            wire.append(UInt8(name.utf8.count))
            wire.append(contentsOf: name.utf8)
        }
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: wire.count)
        bytes.initialize(from: wire, count: wire.count)
        let list = UnsafeMutablePointer<Self>.allocate(capacity: 1)
        list.initialize(to: Self(bytes: bytes, count: wire.count))
        return list
    }

    static func deallocate(_ list: UnsafeMutablePointer<Self>) {
        list.pointee.bytes.deallocate()
        list.deinitialize(count: 1)
        list.deallocate()
    }

    /// Server side: picks our protocol from the client's offer, or fails the handshake with a fatal
    /// no_application_protocol alert when there is no overlap.
    static let selectCallback:
        @convention(c) (
            OpaquePointer?, UnsafeMutablePointer<UnsafePointer<UInt8>?>?, UnsafeMutablePointer<UInt8>?,
            UnsafePointer<UInt8>?, UInt32, UnsafeMutableRawPointer?
        ) -> Int32 = { _, out, outLength, offered, offeredLength, argument in
            guard let out, let outLength, let offered, let argument else { return SSL_TLSEXT_ERR_ALERT_FATAL }
            let ours = argument.assumingMemoryBound(to: Self.self).pointee
            var selected: UnsafeMutablePointer<UInt8>? = nil
            var selectedLength: UInt8 = 0
            let result = SSL_select_next_proto(
                &selected,
                &selectedLength,
                ours.bytes,
                UInt32(ours.count),
                offered,
                offeredLength
            )
            guard result == OPENSSL_NPN_NEGOTIATED, let selected else { return SSL_TLSEXT_ERR_ALERT_FATAL }
            out.pointee = UnsafePointer(selected)
            outLength.pointee = selectedLength
            return SSL_TLSEXT_ERR_OK
        }

    /// Server side: a ClientHello without ALPN never reaches the select callback, so refuse it here with the
    /// same alert rather than completing a handshake we would then have to tear down.
    static let clientHelloCallback:
        @convention(c) (OpaquePointer?, UnsafeMutablePointer<Int32>?, UnsafeMutableRawPointer?) -> Int32 = {
            ssl,
            alert,
            _ in
            var extensionData: UnsafePointer<UInt8>? = nil
            var extensionLength = 0
            let present = SSL_client_hello_get0_ext(
                ssl,
                UInt32(TLSEXT_TYPE_application_layer_protocol_negotiation),
                &extensionData,
                &extensionLength
            )
            if present == 1 { return SSL_CLIENT_HELLO_SUCCESS }
            alert?.pointee = SSL_AD_NO_APPLICATION_PROTOCOL
            return SSL_CLIENT_HELLO_ERROR
        }
}
