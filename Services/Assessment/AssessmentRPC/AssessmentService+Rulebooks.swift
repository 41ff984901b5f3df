import WindMakerAssessment
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension AssessmentService {
    /// The longest rulebook document accepted, in bytes.
    public static let maximumRulebookBytes = 256 * 1024

    public func publishRulebook(
        request: AssessmentV1.PublishRulebookRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.PublishRulebookResponse {
        let effectiveFrom = try WireRequest.period(request.effectiveFrom, field: "effective_from")
        guard effectiveFrom.lastDay >= self.settings.programStart else {
            throw AssessmentError.invalidArgument([
                FieldViolation(
                    field: "effective_from",
                    description: "\(effectiveFrom) is before the program started (\(self.settings.programStart))"
                )
            ])
        }
        try Self.checkDocument(request.document)
        // Validated before the write is queued, so an invalid document never holds up other writes.
        _ = try AssessmentError.checking { () throws(InvalidRequest) in try Rulebook.read(Array(request.document.utf8))
        }
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.assessment.publishRulebook(
                document: request.document,
                effectiveFrom: effectiveFrom,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: { record in
            AssessmentV1.PublishRulebookResponse(rulebook: AssessmentV1.Rulebook(record))
        }
    }

    public func getRulebook(
        request: AssessmentV1.GetRulebookRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.GetRulebookResponse {
        guard request.version >= 0 else {
            throw AssessmentError.invalidArgument([
                FieldViolation(field: "version", description: "must not be negative")
            ])
        }
        let version = request.version == 0 ? nil : Int(request.version)
        let record = try await self.calls.reading(context) { try self.assessment.rulebook(version: version) }
        return AssessmentV1.GetRulebookResponse(rulebook: AssessmentV1.Rulebook(record))
    }

    static func checkDocument(_ document: String) throws(AssessmentError) {
        guard document.utf8.count <= Self.maximumRulebookBytes else {
            throw .invalidArgument([
                FieldViolation(
                    field: "document",
                    description: "at most \(Self.maximumRulebookBytes) bytes, found \(document.utf8.count)"
                )
            ])
        }
    }
}
