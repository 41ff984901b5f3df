/// Server-assigned identifiers: a fixed prefix and random lower-case RFC 4648 base32 characters.
///
/// Shared by ``ProviderID``, ``BindingID`` and ``InvitationCode`` so that they are drawn and checked the same way.
enum RandomToken {
    /// The RFC 4648 base32 alphabet, lower-cased: 32 symbols, 5 bits each.
    static let alphabet: [Character] = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// `prefix` followed by `count` characters drawn uniformly from ``alphabet``.
    static func make<G: RandomNumberGenerator>(prefix: String, count: Int, using generator: inout G) -> String {
        var result = prefix
        result.reserveCapacity(prefix.count + count)
        for _ in 0 ..< count {
            result.append(Self.alphabet[Int(generator.next(upperBound: UInt8(Self.alphabet.count)))])
        }
        return result
    }

    /// What is wrong with `text` as `prefix` + `count` base32 characters, or `nil` when nothing is.
    static func problem(in text: String, prefix: String, count: Int) -> String? {
        guard text.hasPrefix(prefix) else {
            return "must start with \"\(prefix)\""
        }
        let body = Array(text.dropFirst(prefix.count))
        guard body.count == count else {
            return "must be \"\(prefix)\" followed by \(count) characters, found \(body.count)"
        }
        for (offset, character) in body.enumerated() where !Self.alphabet.contains(character) {
            return
                "invalid character '\(character)' at position \(prefix.count + offset + 1): expected a-z or 2-7"
        }
        return nil
    }
}
