/// Server-assigned identifiers: a fixed prefix and random lower-case RFC 4648 base32 characters.
///
/// Shared by every ``RandomIdentifier`` so that all of them are drawn and checked the same way.
package enum RandomToken {
    /// The RFC 4648 base32 alphabet, lower-cased: 32 symbols, 5 bits each.
    package static let alphabet: [Character] = Array("abcdefghijklmnopqrstuvwxyz234567")

    /// `prefix` followed by `count` characters drawn uniformly from ``alphabet``.
    package static func make<G: RandomNumberGenerator>(prefix: String, count: Int, using generator: inout G) -> String {
        var result = prefix
        result.reserveCapacity(prefix.count + count)
        // Twelve 5-bit symbols per 64-bit draw: the system generator makes one getrandom call per draw, and 32 is a
        // power of two, so slicing the bits keeps every symbol uniform.
        var bits: UInt64 = 0
        for index in 0 ..< count {
            if index % 12 == 0 { bits = generator.next() }
            result.append(Self.alphabet[Int(bits & 31)])
            bits >>= 5
        }
        return result
    }

    /// Whether `byte` is one of ``alphabet`` (`a`–`z`, `2`–`7`).
    private static func isSymbol(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a") ... UInt8(ascii: "z")).contains(byte)
            || (UInt8(ascii: "2") ... UInt8(ascii: "7")).contains(byte)
    }

    /// What is wrong with `text` as `prefix` + `count` base32 characters, or `nil` when nothing is.
    package static func problem(in text: String, prefix: String, count: Int) -> String? {
        // The common case, a well-formed identifier, checked on its bytes: ids are parsed on every request and read.
        let utf8 = text.utf8
        if utf8.count == prefix.utf8.count + count, utf8.starts(with: prefix.utf8),
            utf8.dropFirst(prefix.utf8.count).allSatisfy({ Self.isSymbol($0) })
        {
            return nil
        }
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
