/// Which page of a list to return: at most ``size`` items after the position a ``token`` encodes.
public struct PageRequest: Hashable, Sendable {
    /// The page size used when the caller sends none (0).
    public static let defaultSize = 50
    /// The largest page size accepted.
    public static let maximumSize = 500

    /// How many items, 1–500; 0 means ``defaultSize``.
    public var size: Int
    /// The `nextPageToken` of the previous page; `nil` or empty for the first page.
    public var token: String?

    public init(size: Int = 0, token: String? = nil) {
        self.size = size
        self.token = token
    }

    /// The size to use.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `page.page_size` outside 0–500.
    func checkedSize() throws(RegistryError) -> Int {
        if self.size == 0 { return Self.defaultSize }
        guard (1 ... Self.maximumSize).contains(self.size) else {
            throw .invalidArgument([
                FieldViolation(
                    field: "page.page_size",
                    description: "must be between 1 and \(Self.maximumSize) (0 for \(Self.defaultSize)), "
                        + "found \(self.size)"
                )
            ])
        }
        return self.size
    }
}

/// One page of a list ordered by id, and the token for the next one.
public struct Page<Element> {
    /// The items, in ascending id order.
    public var items: [Element]
    /// Pass this as ``PageRequest/token`` for the next page; `nil` on the last page.
    public var nextPageToken: String?

    public init(items: [Element], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }
}

extension Page: Sendable where Element: Sendable {}
extension Page: Equatable where Element: Equatable {}
extension Page: Hashable where Element: Hashable {}

extension Page: Sendable where Element: Sendable {}
