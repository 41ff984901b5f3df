public import WindMakerKit

/// A binding snapshot indexed for attribution: for a client's fact, the provider (as an index into the providers a
/// computation scores) whose binding covered the client in the metric's scope on the fact's date. Built once per
/// computation; one lookup per fact.
public struct AttributionIndex: Sendable {
    private struct Route: Sendable {
        var dates: DateRange
        var account: Int
    }

    private struct Place: Hashable, Sendable {
        var client: ClientKey
        var scope: BindingScope
    }

    /// By client and scope: the bindings in start order, almost always one.
    private var byPlace: [Place: [Route]] = [:]

    /// Indexes the bindings of the providers in `accountOf` (each provider's index); bindings of other providers
    /// attribute nothing.
    public init(_ snapshot: BindingSnapshot, accountOf: [ProviderID: Int]) {
        self.byPlace.reserveCapacity(snapshot.count)
        for binding in snapshot.bindings {
            guard let account = accountOf[binding.providerID] else { continue }
            let place = Place(client: ClientKey(kind: binding.client.kind, id: binding.client.id), scope: binding.scope)
            self.byPlace[place, default: []].append(Route(dates: binding.dates, account: account))
        }
        for (key, routes) in self.byPlace where routes.count > 1 {
            self.byPlace[key] = routes.sorted { $0.dates.start < $1.dates.start }
        }
    }

    /// The index of the provider whose binding covered `client` in `scope` on `date`; the one that started later
    /// when two did (the registry keeps one at a time).
    public func account(_ client: ClientKey, _ scope: BindingScope, _ date: CivilDate) -> Int? {
        guard let routes = self.byPlace[Place(client: client, scope: scope)] else { return nil }
        for route in routes.reversed() where route.dates.contains(date) {
            return route.account
        }
        return nil
    }
}
