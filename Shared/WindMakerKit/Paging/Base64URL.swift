/// RFC 4648 §5 base64url without padding, for page tokens (the kit does not use Foundation).
package enum Base64URL {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    package static func encode(_ bytes: [UInt8]) -> String {
        var output: [UInt8] = []
        output.reserveCapacity((bytes.count * 4 + 2) / 3)
        var index = 0
        while index < bytes.count {
            let remaining = bytes.count - index
            let b0 = UInt32(bytes[index])
            let b1 = remaining > 1 ? UInt32(bytes[index + 1]) : 0
            let b2 = remaining > 2 ? UInt32(bytes[index + 2]) : 0
            let group = b0 << 16 | b1 << 8 | b2
            output.append(Self.alphabet[Int(group >> 18 & 63)])
            output.append(Self.alphabet[Int(group >> 12 & 63)])
            if remaining > 1 { output.append(Self.alphabet[Int(group >> 6 & 63)]) }
            if remaining > 2 { output.append(Self.alphabet[Int(group & 63)]) }
            index += 3
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The bytes, or `nil` when `text` is not unpadded base64url.
    package static func decode(_ text: String) -> [UInt8]? {
        var values: [UInt32] = []
        values.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            guard let value = Self.alphabet.firstIndex(of: byte) else { return nil }
            values.append(UInt32(value))
        }
        guard values.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        var index = 0
        while index < values.count {
            let remaining = values.count - index
            var group: UInt32 = 0
            for offset in 0 ..< 4 {
                group = group << 6 | (offset < remaining ? values[index + offset] : 0)
            }
            output.append(UInt8(group >> 16 & 0xFF))
            if remaining > 2 { output.append(UInt8(group >> 8 & 0xFF)) }
            if remaining > 3 { output.append(UInt8(group & 0xFF)) }
            index += 4
        }
        return output
    }
}
