/// Why one fact of an ingest batch was not accepted: the field at fault and the reason, reported back to the sender
/// while the rest of the batch goes on.
public struct FactRejection: Error, Hashable, Sendable, CustomStringConvertible {
    /// The fact's field, e.g. `date` or `subject.id`.
    public var field: String
    /// What is wrong with it.
    public var reason: String

    public init(field: String, _ reason: String) {
        self.field = field
        self.reason = reason
    }

    public var description: String { "\(self.field): \(self.reason)" }
}
