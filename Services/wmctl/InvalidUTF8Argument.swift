/// An argument that is not UTF-8 text: which one, and its bytes.
struct InvalidUTF8Argument: Error, CustomStringConvertible {
    /// 1-based, after the program name.
    let position: Int
    let bytes: [UInt8]
    /// The flag the argument is given to or with, when there is one.
    let option: String?

    var description: String {
        let which = self.option.map { "argument \(self.position) (for \($0))" } ?? "argument \(self.position)"
        return "\(which) is not valid UTF-8: \"\(Self.visible(self.bytes))\"; give text in UTF-8 (bytes outside "
            + "printable ASCII are shown as \\xHH)"
    }

    /// Printable ASCII as it is, every other byte as `\xHH`, so the operator can see where the bad bytes are.
    static func visible(_ bytes: [UInt8]) -> String {
        bytes.map { byte in
            guard (0x20 ..< 0x7F).contains(byte) else {
                let hex = String(byte, radix: 16, uppercase: true)
                return "\\x" + (hex.count == 1 ? "0" : "") + hex
            }
            return String(UnicodeScalar(byte))
        }.joined()
    }
}
