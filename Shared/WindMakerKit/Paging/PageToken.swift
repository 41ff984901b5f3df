/// The opaque continuation token of a list: base64url (no padding) of `v1|<query hash>|<last id>`.
///
/// The hash is FNV-1a 64 of the query's canonical form (the list and its filter), so a token only continues the
/// query that issued it; a token from another filter, another list, or not from us at all is refused naming
/// `page.page_token`. Tokens carry no secret and need none: they only say where to resume.
struct PageToken: Hashable, Sendable {
    static let version = "v1"
    static let field = "page.page_token"

    /// The canonical form of the query the token continues.
    var query: String
    /// The id of the last item of the previous page.
    var lastID: String

    /// The token's text.
    var encoded: String {
        Base64URL.encode(Array("\(Self.version)|\(Self.hash(self.query))|\(self.lastID)".utf8))
    }

    /// The last id encoded in `text`, after checking that the token belongs to `query`.
    /// - Throws: ``InvalidRequest`` naming `page.page_token`.
    static func lastID(in text: String, query: String) throws(InvalidRequest) -> String {
        guard let bytes = Base64URL.decode(text), let decoded = String(validating: bytes, as: UTF8.self) else {
            throw Self.invalid("is not a page token issued by this service")
        }
        let parts = decoded.split(separator: "|", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == Self.version, !parts[2].isEmpty else {
            throw Self.invalid("is not a page token issued by this service")
        }
        guard parts[1] == Self.hash(query) else {
            throw Self.invalid("was issued for a different query or filter; start again without a token")
        }
        return String(parts[2])
    }

    static func invalid(_ description: String) -> InvalidRequest {
        InvalidRequest(field: Self.field, description)
    }

    /// FNV-1a 64 as 16 hex digits: stable across processes and builds, unlike `Hasher`.
    static func hash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
