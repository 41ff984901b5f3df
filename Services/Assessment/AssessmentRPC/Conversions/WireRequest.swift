import WindMakerAssessment
import WindMakerKit
import WindMakerMessages
import WindMakerServiceKit

/// Reading request fields into domain values; every refusal names the request's field.
enum WireRequest {
    static func period(_ text: String, field: String = "period") throws(AssessmentError) -> PeriodID {
        try AssessmentError.checking { () throws(InvalidRequest) in try PeriodID(text, field: field) }
    }

    static func provider(_ text: String, field: String = "provider_id") throws(AssessmentError) -> ProviderID {
        do {
            return try ProviderID(text)
        } catch {
            throw .invalidArgument([FieldViolation(field: field, description: "\(error)")])
        }
    }

    static func dimension(_ text: String, field: String) throws(AssessmentError) -> Dimension {
        guard let dimension = Dimension(rawValue: text) else {
            throw .invalidArgument([
                FieldViolation(
                    field: field,
                    description: "unknown dimension \"\(text)\": use "
                        + Dimension.allCases.map(\.rawValue).joined(separator: ", ")
                )
            ])
        }
        return dimension
    }

    static func providerType(_ text: String, field: String) throws(AssessmentError) -> ProviderType {
        guard let type = ProviderType(rawValue: text) else {
            throw .invalidArgument([
                FieldViolation(
                    field: field,
                    description: "unknown provider type \"\(text)\": use "
                        + ProviderType.allCases.map(\.rawValue).joined(separator: ", ")
                )
            ])
        }
        return type
    }

    static func override(_ wire: AssessmentV1.IndicatorOverride) throws(AssessmentError) -> IndicatorOverride {
        IndicatorOverride(
            dimension: try Self.dimension(wire.dimension, field: "override.dimension"),
            indicator: wire.indicator,
            value: wire.value,
            justification: wire.justification
        )
    }

    static func page(_ wire: CommonV1.PageRequest?) -> PageRequest {
        PageRequest(size: Int(wire?.pageSize ?? 0), token: wire?.pageToken)
    }

    /// One wire fact checked against `rules`, its position in the call kept for the report.
    static func fact(_ wire: AssessmentV1.Fact, index: Int, rules: FactRules) -> IncomingFact {
        let checked = Result { () throws(FactRejection) -> Fact in
            let date: CivilDate
            switch Result(catching: { () throws(InvalidRequest) in try CivilDate.required(wire.date, field: "date") }) {
            case .success(let valid): date = valid
            case .failure(let error):
                throw FactRejection(field: "date", error.violations.first?.description ?? "invalid")
            }
            return try Fact(
                id: wire.id,
                subjectKind: wire.subjectKind,
                subjectID: wire.subjectId,
                date: date.description,
                metric: wire.metric,
                kind: wire.kind,
                value: wire.value,
                rules: rules
            )
        }
        return IncomingFact(index: index, sentID: wire.id, checked: checked)
    }
}
