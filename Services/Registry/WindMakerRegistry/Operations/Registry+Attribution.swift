import WindMakerKit

extension Registry {
    /// For each query, the provider whose binding held the client and scope on that date, in the queries' order;
    /// `nil` where no active binding (or ended one, over the dates it covered) did.
    ///
    /// One indexed range scan per distinct (client, scope) in the batch, over the dates the batch asks about
    /// (`bindings (client_kind, client_id, scope, start_date)`), all in one transaction; the dates are matched in
    /// memory. Suspended providers keep their bindings and are still credited.
    /// - Throws: ``StorageError`` only.
    public func resolveAttribution(_ queries: [AttributionQuery]) throws -> [Attribution?] {
        var groups: [Group: [Int]] = [:]
        for (index, query) in queries.enumerated() {
            groups[Group(client: query.client, scope: query.scope), default: []].append(index)
        }
        var answers = [Attribution?](repeating: nil, count: queries.count)
        try self.database.transaction { sql in
            for (group, indices) in groups {
                let dates = indices.map { queries[$0].date }
                guard let from = dates.min(), let through = dates.max() else { continue }
                let candidates = try self.store.attributionCandidates(
                    client: group.client,
                    scope: group.scope,
                    from: from,
                    through: through,
                    in: sql
                )
                let occupied = candidates.compactMap { binding in binding.occupiedRange.map { (binding, $0) } }
                for index in indices {
                    let date = queries[index].date
                    if let (binding, _) = occupied.first(where: { $0.1.contains(date) }) {
                        answers[index] = Attribution(providerID: binding.providerID, bindingID: binding.id)
                    }
                }
            }
        }
        return answers
    }

    private struct Group: Hashable {
        var client: ClientRef
        var scope: BindingScope
    }
}
