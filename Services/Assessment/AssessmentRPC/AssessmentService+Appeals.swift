import WindMakerAssessment
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension AssessmentService {
    public func fileAppeal(
        request: AssessmentV1.FileAppealRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.FileAppealResponse {
        let period = try WireRequest.period(request.period)
        let provider = try WireRequest.provider(request.providerId)
        try ProviderCaller.checkOwn(provider, context.peer, action: "appeal", what: "scorecards")
        let dimension = try WireRequest.dimension(request.dimension, field: "dimension")
        try Assessment.checkText(request.reason, field: "reason")
        let id = AppealID.random()
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.assessment.fileAppeal(
                period: period,
                provider: provider,
                dimension: dimension,
                reason: request.reason,
                id: id,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: { appeal in
            AssessmentV1.FileAppealResponse(appeal: AssessmentV1.Appeal(appeal))
        }
    }

    public func resolveAppeal(
        request: AssessmentV1.ResolveAppealRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.ResolveAppealResponse {
        let id: AppealID
        do {
            id = try AppealID(request.appealId)
        } catch {
            throw AssessmentError.invalidArgument([FieldViolation(field: "appeal_id", description: "\(error)")])
        }
        let decision: AppealDecision
        if request.uphold {
            guard let override = request.override else {
                throw AssessmentError.invalidArgument([
                    FieldViolation(field: "override", description: "is required to uphold an appeal")
                ])
            }
            decision = .uphold(try WireRequest.override(override))
        } else {
            guard request.override == nil else {
                throw AssessmentError.invalidArgument([
                    FieldViolation(field: "override", description: "is only for upholding; set uphold or leave it out")
                ])
            }
            decision = .reject(reason: request.reason)
        }
        try Assessment.check(decision)
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.assessment.resolveAppeal(id, decision: decision, actor: context.peer.description, at: now, in: sql)
        } response: { resolved in
            AssessmentV1.ResolveAppealResponse(
                appeal: AssessmentV1.Appeal(resolved.appeal),
                scorecard: AssessmentV1.Scorecard(resolved.scorecard)
            )
        }
    }

    public func listAppeals(
        request: AssessmentV1.ListAppealsRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.ListAppealsResponse {
        let period = try WireRequest.period(request.period)
        let provider = try WireRequest.provider(request.providerId)
        try await self.checkVisible(period, provider: provider, to: context, action: "read the appeals of")
        let appeals = try await self.calls.reading(context) {
            try self.assessment.appeals(period: period, provider: provider)
        }
        return AssessmentV1.ListAppealsResponse(appeals: appeals.map(AssessmentV1.Appeal.init))
    }

    /// Revises a FINAL scorecard late, as an operator (see ``Assessment/reviseFinal(period:provider:override:actor:at:in:)``).
    public func reviseScorecard(
        request: AssessmentV1.ReviseScorecardRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.GetScorecardResponse {
        let period = try WireRequest.period(request.period)
        let provider = try WireRequest.provider(request.providerId)
        guard let wire = request.override else {
            throw AssessmentError.invalidArgument([FieldViolation(field: "override", description: "is required")])
        }
        let override = try WireRequest.override(wire)
        try Assessment.check(.uphold(override))
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.assessment.reviseFinal(
                period: period,
                provider: provider,
                override: override,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: {
            AssessmentV1.GetScorecardResponse(scorecard: AssessmentV1.Scorecard($0))
        }
    }
}
