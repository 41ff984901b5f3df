import Foundation

/// The command line as the process received it, as bytes.
///
/// `CommandLine.arguments` repairs invalid UTF-8 by putting U+FFFD in place of the bad bytes, so a name typed in a
/// legacy encoding (GBK, say) would be sent, and stored, as replacement characters. wmctl reads the bytes itself and
/// refuses such an argument, naming it.
enum RawArguments {
    /// The arguments after the program name, from `CommandLine.unsafeArgv`.
    static func current() -> [[UInt8]] {
        (1 ..< Int(CommandLine.argc)).map { index in
            guard let argument = CommandLine.unsafeArgv[index] else { return [] }
            return Array(UnsafeBufferPointer(start: argument, count: strlen(argument))).map { UInt8(bitPattern: $0) }
        }
    }

    /// The arguments as text.
    /// - Throws: ``InvalidUTF8Argument`` for the first argument that is not valid UTF-8.
    static func text(_ arguments: [[UInt8]]) throws(InvalidUTF8Argument) -> [String] {
        var texts: [String] = []
        texts.reserveCapacity(arguments.count)
        for (index, bytes) in arguments.enumerated() {
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw InvalidUTF8Argument(
                    position: index + 1,
                    bytes: bytes,
                    option: Self.option(for: bytes, after: texts.last)
                )
            }
            texts.append(text)
        }
        return texts
    }

    /// The flag an argument belongs to: its own `--name=…`, or the `--name` before it.
    private static func option(for bytes: [UInt8], after previous: String?) -> String? {
        if bytes.starts(with: Array("--".utf8)), let equals = bytes.firstIndex(of: UInt8(ascii: "=")) {
            return String(decoding: bytes[..<equals], as: UTF8.self)
        }
        guard let previous, previous.hasPrefix("--"), !previous.contains("=") else { return nil }
        return previous
    }
}
