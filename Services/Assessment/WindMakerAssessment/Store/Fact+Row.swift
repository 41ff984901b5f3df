import WindMakerKit
import WindMakerStorage
import WindMakerStoreKit

extension Fact {
    static let columns = "fact_id, subject_kind, subject_id, fact_date, metric, violation_kind, value"

    /// The values of ``columns``, in order.
    var sqlValues: [SQLValue] {
        [
            .text(self.id.rawValue), .text(self.subject.kind), .text(self.subject.id), self.date.sqlValue,
            .text(self.metric.rawValue), .text(self.violationKind?.rawValue ?? ""), .integer(self.value),
        ]
    }

    /// A fact as stored, without re-checking its date against today.
    init(row: Row) throws(StorageError) {
        let date = try row.parsed("fact_date") { (text) throws(CivilDate.ValidationError) in try CivilDate(text) }
        do {
            try self.init(
                id: try row.value("fact_id"),
                subjectKind: try row.value("subject_kind"),
                subjectID: try row.value("subject_id"),
                date: date.description,
                metric: try row.value("metric"),
                kind: try row.value("violation_kind"),
                value: try row.value("value"),
                rules: FactRules(programStart: date, today: date)
            )
        } catch {
            throw StorageError(.invalidValue, "stored fact: \(error)")
        }
    }
}
