public import WindMakerKit

/// One daily figure: `(id, subject, date, metric, value)`, with a kind for violations. Only valid facts exist as
/// values of this type; ``init(id:subjectKind:subjectID:date:metric:kind:value:rules:)`` checks everything.
public struct Fact: Hashable, Sendable {
    public let id: FactID
    public let subject: Subject
    public let date: CivilDate
    public let metric: Metric
    /// Set for ``Metric/violations`` only.
    public let violationKind: ViolationKind?
    /// In the metric's unit, from 0 to its ``Metric/dailyMaximum``.
    public let value: Int64

    /// Builds a fact from what a sender sent, checking it against `rules`.
    /// - Throws: ``FactRejection`` naming the first field at fault.
    public init(
        id: String,
        subjectKind: String,
        subjectID: String,
        date: String,
        metric: String,
        kind: String,
        value: Int64,
        rules: FactRules
    ) throws(FactRejection) {
        let civilDate: CivilDate
        do {
            civilDate = try CivilDate(date)
        } catch {
            throw FactRejection(field: "date", "\(error)")
        }
        try self.init(
            id: id,
            subjectKind: subjectKind,
            subjectID: subjectID,
            date: civilDate,
            metric: metric,
            kind: kind,
            value: value,
            rules: rules
        )
    }

    /// ``init(id:subjectKind:subjectID:date:metric:kind:value:rules:)`` for a date already read (from the wire).
    public init(
        id: String,
        subjectKind: String,
        subjectID: String,
        date: CivilDate,
        metric: String,
        kind: String,
        value: Int64,
        rules: FactRules
    ) throws(FactRejection) {
        self.id = try FactID(id)
        self.subject = try Subject(kind: subjectKind, id: subjectID)
        self.date = date
        guard let metric = Metric(rawValue: metric) else {
            throw FactRejection(field: "metric", "unknown metric \"\(metric)\"")
        }
        self.metric = metric
        if metric == .violations {
            guard let violationKind = ViolationKind(rawValue: kind) else {
                throw FactRejection(field: "kind", "a VIOLATIONS fact needs a kind: FAKE_ORDER or OTHER")
            }
            self.violationKind = violationKind
        } else {
            guard kind.isEmpty else { throw FactRejection(field: "kind", "only a VIOLATIONS fact has a kind") }
            self.violationKind = nil
        }
        guard value >= 0 else {
            throw FactRejection(field: "value", "must not be negative (\(value) \(metric.unit))")
        }
        guard value <= metric.dailyMaximum else {
            throw FactRejection(
                field: "value",
                "\(value) \(metric.unit) is more than one day of \(metric) may hold (at most \(metric.dailyMaximum))"
            )
        }
        self.value = value
        try rules.check(self.date)
    }

    /// Whether `other` says the same as this fact, so that receiving it again under the same id is a duplicate
    /// rather than a conflict.
    public func hasSameContent(as other: Fact) -> Bool {
        self.subject == other.subject && self.date == other.date && self.metric == other.metric
            && self.violationKind == other.violationKind && self.value == other.value
    }
}

/// The dates a fact may carry: not before the program started and not after today in the business calendar.
public struct FactRules: Hashable, Sendable {
    /// The first day of the program.
    public var programStart: CivilDate
    /// Today in the business calendar (UTC+8): facts are daily figures of days that have happened.
    public var today: CivilDate

    public init(programStart: CivilDate, today: CivilDate) {
        self.programStart = programStart
        self.today = today
    }

    func check(_ date: CivilDate) throws(FactRejection) {
        guard date >= self.programStart else {
            throw FactRejection(field: "date", "\(date) is before the program started (\(self.programStart))")
        }
        guard date <= self.today else {
            throw FactRejection(field: "date", "\(date) is in the future (today is \(self.today) in UTC+8)")
        }
    }
}
