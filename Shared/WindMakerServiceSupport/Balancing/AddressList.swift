/// Several instances' addresses as a flag gives them: `host:port[,host:port…]`.
public enum AddressList {
    /// The most instances one list may name.
    public static let maximumCount = 16

    /// What is wrong with a list, in words a message can carry after the flag's name.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    /// The addresses of `text`, in order.
    /// - Throws: ``Problem`` naming the entry that is not `host:port`, the one repeated, an empty entry, or a count
    ///   above ``maximumCount``.
    public static func parse(_ text: String) throws(Problem) -> [ListenAddress] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard entries.count <= Self.maximumCount else {
            throw Problem(description: "names \(entries.count) addresses; at most \(Self.maximumCount)")
        }
        var addresses: [ListenAddress] = []
        for (index, entry) in entries.enumerated() {
            guard !entry.isEmpty else {
                throw Problem(description: "address \(index + 1) of \(entries.count) is empty (a stray comma?)")
            }
            guard let address = ListenAddress(parsing: entry) else {
                throw Problem(description: "\"\(Self.printable(entry))\" is not host:port")
            }
            guard !addresses.contains(address) else {
                throw Problem(description: "\(address) is named twice")
            }
            addresses.append(address)
        }
        return addresses
    }

    /// `text` cut short, control characters shown as `?`: it came from the command line.
    private static func printable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(100).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
