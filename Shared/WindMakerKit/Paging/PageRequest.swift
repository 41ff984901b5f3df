/// Which page of a list to return: at most ``size`` items after the position a ``token`` encodes.
///
/// A store lists in ascending id order; a service resolves the request into a ``PageCursor`` for its query, asks the
/// store for `cursor.size + 1` items after `cursor.after`, and makes the page with ``Page/init(_:cursor:id:)``:
///
/// ```swift
/// let cursor = try page.cursor(query: filter.canonical, as: ProviderID.self)
/// let rows = try store.providers(matching: filter, after: cursor.after, limit: cursor.size + 1, in: sql)
/// return Page(rows, cursor: cursor) { $0.id.rawValue }
/// ```
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

    /// The size and starting position of this page of `query` (the list and its filter in a canonical form).
    /// - Throws: ``InvalidRequest`` naming `page.page_size` outside 0–500, or `page.page_token` when the token is
    ///   not ours, was issued for another query, or holds no valid `ID`.
    package func cursor<ID: RandomIdentifier>(query: String, as _: ID.Type) throws(InvalidRequest) -> PageCursor<ID> {
        let size = try self.checkedSize()
        guard let token = self.token, !token.isEmpty else { return PageCursor(query: query, size: size, after: nil) }
        let lastID = try PageToken.lastID(in: token, query: query)
        guard let after = try? ID(lastID) else { throw PageToken.invalid("holds an invalid position") }
        return PageCursor(query: query, size: size, after: after)
    }

    /// The page size and the position after which the page starts, for lists ordered by something other than an
    /// identifier (a rank, a period): `nil` for the first page.
    /// - Throws: ``InvalidRequest`` for a size out of range, or a token that is malformed or from another query.
    package func position(query: String) throws(InvalidRequest) -> (size: Int, after: String?) {
        let size = try self.checkedSize()
        guard let token = self.token, !token.isEmpty else { return (size, nil) }
        return (size, try PageToken.lastID(in: token, query: query))
    }

    private func checkedSize() throws(InvalidRequest) -> Int {
        if self.size == 0 { return Self.defaultSize }
        guard (1 ... Self.maximumSize).contains(self.size) else {
            throw InvalidRequest(
                field: "page.page_size",
                "must be between 1 and \(Self.maximumSize) (0 for \(Self.defaultSize)), found \(self.size)"
            )
        }
        return self.size
    }
}

/// A checked ``PageRequest``: the query it pages through, how many items, and the id the page starts after.
package struct PageCursor<ID: RandomIdentifier>: Sendable {
    /// The canonical form of the query, which the next page's token is bound to.
    package var query: String
    /// How many items the page holds at most.
    package var size: Int
    /// The last id of the previous page; `nil` for the first page.
    package var after: ID?
}
