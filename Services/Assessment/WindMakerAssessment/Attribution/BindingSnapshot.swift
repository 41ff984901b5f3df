public import WindMakerKit

/// Every binding in force during a period's windows, indexed to attribute a client's fact to the provider that
/// served it on the fact's date, with a digest that changes whenever any binding does.
public struct BindingSnapshot: Sendable {
    private struct Key: Hashable {
        var client: ClientRef
        var scope: BindingScope
    }

    private var spans: [Key: [BindingSpan]] = [:]
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
            self.spans[Key(client: binding.client, scope: binding.scope), default: []].append(binding)
        }
        for key in self.spans.keys {
            self.spans[key]!.sort { $0.dates.start < $1.dates.start }
        }
        self.digest = hash.finish()
        self.count = bindings.count
    }

    /// The provider whose binding covered `client` in `scope` on `date`, if any. The registry keeps at most one
    /// confirmed binding per client, scope and date; were there two, the one that started later wins.
    public func provider(for client: ClientRef, scope: BindingScope, on date: CivilDate) -> ProviderID? {
        guard let candidates = self.spans[Key(client: client, scope: scope)] else { return nil }
        return candidates.last { $0.dates.contains(date) }?.providerID
    }
}
