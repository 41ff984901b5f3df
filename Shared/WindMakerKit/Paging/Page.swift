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

    /// The page of `fetched` (up to `cursor.size + 1` items in id order, as the store returned them): the first
    /// `cursor.size`, with a token after the last of them when more followed.
    package init<ID>(_ fetched: [Element], cursor: PageCursor<ID>, id: (Element) -> String) {
        guard fetched.count > cursor.size else {
            self.init(items: fetched, nextPageToken: nil)
            return
        }
        let shown = Array(fetched.prefix(cursor.size))
        self.init(
            items: shown,
            nextPageToken: shown.last.map { PageToken(query: cursor.query, lastID: id($0)).encoded }
        )
    }
}

extension Page {
    /// A page of a list read past its size by one, continuing after `position` of the last item shown (for lists
    /// ordered by something other than an identifier; see ``PageRequest/position(query:)``).
    package init(_ fetched: [Element], size: Int, query: String, position: (Element) -> String) {
        guard fetched.count > size else {
            self.init(items: fetched, nextPageToken: nil)
            return
        }
        let shown = Array(fetched.prefix(size))
        self.init(items: shown, nextPageToken: shown.last.map { PageToken(query: query, lastID: position($0)).encoded })
    }
}

extension Page: Sendable where Element: Sendable {}
extension Page: Equatable where Element: Equatable {}
extension Page: Hashable where Element: Hashable {}
