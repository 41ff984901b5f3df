public import WindMakerKit

/// Every binding in force during a period's windows, with a digest that changes whenever any binding does.
/// ``AttributionIndex`` indexes it for attribution.
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
}
