internal import CWindMakerOpenSSL
import NIOCore

extension TLSPeerIdentity {
    /// Reads the names and fingerprint of a peer certificate (an `X509 *`, not consumed).
    init(certificate: OpaquePointer) {
        self.init(fingerprintSHA256: Self.fingerprint(of: certificate))
        self.commonName = Self.commonName(of: certificate)
        guard let raw = X509_get_ext_d2i(certificate, NID_subject_alt_name, nil, nil) else { return }
        let names = OpaquePointer(raw)
        defer { wm_GENERAL_NAMES_free(names) }
        for index in 0 ..< wm_sk_GENERAL_NAME_num(names) {
            guard let name = wm_sk_GENERAL_NAME_value(names, index),
                let string = wm_GENERAL_NAME_string(name),
                let data = ASN1_STRING_get0_data(string)
            else { continue }
            let bytes = UnsafeBufferPointer(start: data, count: Int(ASN1_STRING_length(string)))
            switch wm_GENERAL_NAME_type(name) {
            case GEN_URI:
                self.uriSANs.append(String(decoding: bytes, as: UTF8.self))
            case GEN_DNS:
                self.dnsSANs.append(String(decoding: bytes, as: UTF8.self))
            case GEN_IPADD:
                if let address = try? SocketAddress(packedIPAddress: ByteBuffer(bytes: bytes), port: 0).ipAddress {
                    self.ipSANs.append(address)
                }
            default:
                continue
            }
        }
    }

    private static func commonName(of certificate: OpaquePointer) -> String? {
        guard let subject = X509_get_subject_name(certificate) else { return nil }
        let index = X509_NAME_get_index_by_NID(subject, NID_commonName, -1)
        guard index >= 0, let entry = X509_NAME_get_entry(subject, index),
            let value = X509_NAME_ENTRY_get_data(entry)
        else { return nil }
        var utf8: UnsafeMutablePointer<UInt8>? = nil
        let length = ASN1_STRING_to_UTF8(&utf8, value)
        guard length >= 0, let utf8 else { return nil }
        defer { wm_OPENSSL_free(utf8) }
        return String(decoding: UnsafeBufferPointer(start: utf8, count: Int(length)), as: UTF8.self)
    }

    private static func fingerprint(of certificate: OpaquePointer) -> String {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: Int(EVP_MAX_MD_SIZE)) { digest in
            var length: UInt32 = 0
            guard X509_digest(certificate, EVP_sha256(), digest.baseAddress, &length) == 1 else { return "" }
            let hexDigits = Array("0123456789abcdef".utf8)
            var hex: [UInt8] = []
            hex.reserveCapacity(Int(length) * 2)
            for byte in digest.prefix(Int(length)) {
                hex.append(hexDigits[Int(byte >> 4)])
                hex.append(hexDigits[Int(byte & 0x0f)])
            }
            return String(decoding: hex, as: UTF8.self)
        }
    }
}
