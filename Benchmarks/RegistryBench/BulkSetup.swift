import WindMakerKit
import WindMakerRegistry
import WindMakerStorage

/// Fills the store directly, in large transactions: ACTIVE providers, then confirmed bindings. Each (client, scope)
/// pair holds two bindings from different providers: one for the first half of 2025, ended on 2025-06-30, and an
/// open-ended one from 2025-07-01, so attribution has to pick by date.
struct BulkSetup {
    let providers: Int
    let bindings: Int
    let chunk = 50_000

    /// What was created: the (client, scope) pairs the attribution case asks about.
    struct Population {
        var pairs: [(ClientRef, BindingScope)]
    }

    func populate(_ registry: Registry) throws -> Population {
        var ids: [ProviderID] = []
        ids.reserveCapacity(self.providers)
        try registry.database.transaction { sql in
            for number in 0 ..< self.providers {
                let profile = try BenchFixtures.application(number).validated()
                var provider = Provider(id: .random(), profile: profile, at: BenchFixtures.now)
                provider.lifecycle = .active
                try registry.store.insertProvider(provider, in: sql)
                ids.append(provider.id)
            }
        }
        let kinds = ClientKind.allCases
        let scopes = BindingScope.allCases
        let pairCount = self.bindings / 2
        var pairs: [(ClientRef, BindingScope)] = []
        pairs.reserveCapacity(pairCount)
        for index in 0 ..< pairCount {
            pairs.append(
                (
                    try ClientRef(kind: kinds[index % kinds.count], id: "c-\(index / scopes.count)"),
                    scopes[index % scopes.count]
                )
            )
        }
        let firstHalf = try DateRange(start: BenchFixtures.date("2025-01-01"), end: BenchFixtures.date("2025-06-30"))
        let secondHalf = try DateRange(start: BenchFixtures.date("2025-07-01"))
        for start in stride(from: 0, to: pairCount, by: self.chunk / 2) {
            try registry.database.transaction { sql in
                for index in start ..< min(start + self.chunk / 2, pairCount) {
                    let (client, scope) = pairs[index]
                    for (offset, range) in [firstHalf, secondHalf].enumerated() {
                        let binding = Binding(
                            id: .random(),
                            providerID: ids[(index * 2 + offset) % ids.count],
                            client: client,
                            scope: scope,
                            range: range,
                            state: .active,
                            proposedBy: BenchFixtures.portal,
                            confirmedBy: BenchFixtures.operatorID
                        )
                        try registry.store.insertBinding(binding, createdAt: BenchFixtures.now, in: sql)
                    }
                }
            }
        }
        return Population(pairs: pairs)
    }
}
