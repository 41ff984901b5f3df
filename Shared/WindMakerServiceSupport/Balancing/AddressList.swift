/// Several instances' addresses as a flag gives them: `host:port[,host:port…]`.
public enum AddressList {
    /// The most instances one list may name.
    public static let maximumCount = 16

    /// The addresses of `text`, in order.
    /// - Returns: `nil` when an entry is not `host:port`, one is repeated, or there are none or more than
    ///   ``maximumCount``.
    public static func parse(_ text: String) -> [ListenAddress]? {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false).map {
            $0.trimmingCharacters(in: .whitespaces)
        }
        guard (1 ... Self.maximumCount).contains(entries.count) else { return nil }
        var addresses: [ListenAddress] = []
        for entry in entries {
            guard let address = ListenAddress(parsing: entry), !addresses.contains(address) else { return nil }
            addresses.append(address)
        }
        return addresses
    }
}
