public import WindMakerKit

/// Every binding in force during a period's windows, with a digest that changes whenever any binding does.
/// ``PeriodComputation`` indexes it for attribution.
public struct BindingSnapshot: Sendable {
    /// Every binding, in id order.
    public let bindings: [BindingSpan]
    /// SHA-256 over the bindings sorted by id, each as `id|provider|kind|client|scope|start|end`.
    public let digest: SHA256.Digest
    /// How many bindings the snapshot holds.
    public let count: Int

    public init(_ bindings: [BindingSpan]) {
        var hash = SHA256()
        let sorted = bindings.sorted(by: { $0.id < $1.id })
        self.bindings = sorted
        for binding in sorted {
            hash.update(
                "\(binding.id)|\(binding.providerID)|\(binding.client.kind)|\(binding.client.id)|\(binding.scope)|"
                    + "\(binding.dates.start)|\(binding.dates.end.map(String.init(describing:)) ?? "")\n"
            )
        }
        self.digest = hash.finish()
        self.count = bindings.count
    }

    /// The provider whose binding covered `client` in `scope` on `date`, if any; the one that started later when two
    /// did (the registry keeps one at a time). For inspection: it reads the whole snapshot, where a computation
    /// builds its index once.
    public func provider(for client: ClientRef, scope: BindingScope, on date: CivilDate) -> ProviderID? {
        self.bindings.filter { $0.client == client && $0.scope == scope && $0.dates.contains(date) }
            .max { $0.dates.start < $1.dates.start }?.providerID
    }
}
