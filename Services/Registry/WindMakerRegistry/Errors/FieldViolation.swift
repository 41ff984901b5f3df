/// One problem with one field of a request: what ``RegistryError/invalidArgument(_:)`` carries, and what goes on the
/// wire as a `windmaker.rpc.v1.FieldViolation`.
public struct FieldViolation: Hashable, Sendable {
    /// A path to the field in the request, in proto field names: `display_name`, `contact.email`, `categories[2]`.
    public var field: String
    /// What is wrong, for a person to read.
    public var description: String

    public init(field: String, description: String) {
        self.field = field
        self.description = description
    }

    /// A violation whose description is a value type's validation error, e.g. a ``CreditCode/ValidationError``.
    public init(field: String, error: any Error) {
        self.init(field: field, description: String(describing: error))
    }
}
