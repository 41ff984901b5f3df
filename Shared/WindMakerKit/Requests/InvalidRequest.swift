/// A request refused for its fields: every violation, each naming its field (`INVALID_ARGUMENT` on the wire, with a
/// `BadRequest` detail listing them).
///
/// What the kit's own checks throw (page sizes and tokens, idempotency keys, expected versions); a service's domain
/// error carries the same violations in its own invalid-argument case.
public struct InvalidRequest: Error, Hashable, Sendable, CustomStringConvertible {
    /// Every problem found, in request order.
    public var violations: [FieldViolation]

    public init(_ violations: [FieldViolation]) {
        self.violations = violations
    }

    /// One violation of `field`.
    public init(field: String, _ description: String) {
        self.init([FieldViolation(field: field, description: description)])
    }

    /// `invalid request: field: what; field: what`, listing at most ``FieldViolation/reportedMaximum`` violations.
    public var description: String { FieldViolation.summary(of: self.violations) }
}
