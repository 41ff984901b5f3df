import WindMakerAssessment
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension AssessmentService {
    public func dryRun(
        request: AssessmentV1.DryRunRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.DryRunResponse {
        let period = try WireRequest.period(request.period)
        try Self.checkDocument(request.document)
        try Assessment.checkComputable(
            period,
            today: BusinessCalendar.date(of: self.calls.clock()),
            programStart: self.settings.programStart
        )
        let (providers, snapshot) = try await self.registryInputs(for: period, context: context)
        let now = self.calls.clock()
        let report = try await self.calls.working(context) {
            try self.assessment.dryRun(
                period: period,
                draft: request.document,
                providers: providers,
                snapshot: snapshot,
                at: now
            )
        }
        return AssessmentV1.DryRunResponse(report)
    }

    public func progress(
        request: AssessmentV1.ProgressRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.ProgressResponse {
        let report = try await self.calls.reading(context) {
            try self.assessment.progress(
                targetBillion: self.settings.targetBillion,
                targetHundredMillion: self.settings.targetHundredMillion
            )
        }
        return AssessmentV1.ProgressResponse(report)
    }
}
