/// An error that may stand for field violations: ``InvalidRequest`` always does, a service's domain error when it is
/// its invalid-argument case.
public protocol FieldViolationReporting: Error {
    /// The violations this error reports, or `nil` when it is another kind of failure.
    var fieldViolations: [FieldViolation]? { get }
}

extension InvalidRequest: FieldViolationReporting {
    public var fieldViolations: [FieldViolation]? { self.violations }
}

/// Gathers the violations of several request fields, so the caller learns of every problem in one round.
///
/// ```swift
/// var collector = ViolationCollector()
/// let start = collector.check { () throws(InvalidRequest) in try CivilDate.required(request.start, field: "start") }
/// let end = collector.check { () throws(InvalidRequest) in try CivilDate.optional(request.end, field: "end") }
/// try collector.finish()
/// ```
public struct ViolationCollector: Sendable {
    public private(set) var violations: [FieldViolation] = []

    public init() {}

    /// Records a violation found without a conversion.
    public mutating func add(_ violation: FieldViolation) {
        self.violations.append(violation)
    }

    /// The converted value, or `nil` after recording why it could not be converted: the error's field violations,
    /// or its description as a violation without a field.
    public mutating func check<T, Failure: Error>(_ convert: () throws(Failure) -> T) -> T? {
        do {
            return try convert()
        } catch {
            if let reported = (error as? any FieldViolationReporting)?.fieldViolations {
                self.violations += reported
            } else {
                self.violations.append(FieldViolation(field: "", description: "\(error)"))
            }
            return nil
        }
    }

    /// - Throws: ``InvalidRequest`` with every recorded violation, if any.
    public func finish() throws(InvalidRequest) {
        guard self.violations.isEmpty else { throw InvalidRequest(self.violations) }
    }
}
