/// One problem with one field of a request: what ``InvalidRequest`` and every service's invalid-argument error carry,
/// and what goes on the wire as a `windmaker.rpc.v1.FieldViolation`.
public struct FieldViolation: Hashable, Sendable {
    /// A path to the field in the request, in proto field names: `display_name`, `contact.email`, `categories[2]`.
    public var field: String
    /// What is wrong, for a person to read.
    public var description: String

    public init(field: String, description: String) {
        self.field = field
        self.description = description
    }

    /// A violation whose description is a value type's validation error, e.g. a ``CivilDate/ValidationError``.
    public init(field: String, error: any Error) {
        self.init(field: field, description: String(describing: error))
    }
}

extension FieldViolation {
    /// The most violations one refusal lists; the rest are counted in one last entry.
    public static let reportedMaximum = 100

    /// `violations` as a refusal reports them: all of them when there are at most ``reportedMaximum``, otherwise the
    /// first ``reportedMaximum`` and one entry saying how many more there were (field `""`, "and 9900 more
    /// violations"), so that a request with a problem in every one of many elements gets a short answer.
    public static func capped(_ violations: [FieldViolation]) -> [FieldViolation] {
        guard violations.count > Self.reportedMaximum else { return violations }
        let more = violations.count - Self.reportedMaximum
        return Array(violations.prefix(Self.reportedMaximum)) + [
            FieldViolation(field: "", description: "and \(more) more violation\(more == 1 ? "" : "s")")
        ]
    }

    /// The message of a refusal listing `violations`: `invalid request: field: what; field: what`, capped as
    /// ``capped(_:)`` caps them; a violation without a field shows its description alone.
    public static func summary(of violations: [FieldViolation]) -> String {
        if violations.isEmpty { return "invalid request" }
        return "invalid request: "
            + Self.capped(violations).map { $0.field.isEmpty ? $0.description : "\($0.field): \($0.description)" }
            .joined(separator: "; ")
    }
}
