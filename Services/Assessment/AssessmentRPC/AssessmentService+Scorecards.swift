import WindMakerAssessment
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension AssessmentService {
    public func getScorecard(
        request: AssessmentV1.GetScorecardRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.GetScorecardResponse {
        let period = try WireRequest.period(request.period)
        let provider = try WireRequest.provider(request.providerId)
        try await self.checkVisible(period, provider: provider, to: context, action: "read")
        guard request.revision >= 0 else {
            throw AssessmentError.invalidArgument([
                FieldViolation(field: "revision", description: "must not be negative")
            ])
        }
        let revision = request.revision == 0 ? nil : Int(request.revision)
        let card = try await self.calls.reading(context) {
            try self.assessment.scorecard(period: period, provider: provider, revision: revision)
        }
        return AssessmentV1.GetScorecardResponse(scorecard: AssessmentV1.Scorecard(card))
    }

    public func scorecardHistory(
        request: AssessmentV1.ScorecardHistoryRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.ScorecardHistoryResponse {
        let period = try WireRequest.period(request.period)
        let provider = try WireRequest.provider(request.providerId)
        try await self.checkVisible(period, provider: provider, to: context, action: "read")
        let history = try await self.calls.reading(context) {
            try self.assessment.scorecardHistory(period: period, provider: provider)
        }
        return AssessmentV1.ScorecardHistoryResponse(revisions: history.map(AssessmentV1.Scorecard.init))
    }

    public func listScorecards(
        request: AssessmentV1.ListScorecardsRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.ListScorecardsResponse {
        let period = try WireRequest.period(request.period)
        let (record, page) = try await self.calls.reading(context) {
            try self.assessment.scorecards(period: period, page: WireRequest.page(request.page))
        }
        return AssessmentV1.ListScorecardsResponse(
            period: AssessmentV1.Period(record),
            scorecards: page.items.map(AssessmentV1.Scorecard.init),
            page: CommonV1.PageResponse(nextPageToken: page.nextPageToken ?? "")
        )
    }

    public func listRankings(
        request: AssessmentV1.ListRankingsRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.ListRankingsResponse {
        let period = try WireRequest.period(request.period)
        let type = try WireRequest.providerType(request.providerType, field: "provider_type")
        let page = try await self.calls.reading(context) {
            try self.assessment.rankings(period: period, type: type, page: WireRequest.page(request.page))
        }
        return AssessmentV1.ListRankingsResponse(
            scorecards: page.items.map(AssessmentV1.Scorecard.init),
            page: CommonV1.PageResponse(nextPageToken: page.nextPageToken ?? "")
        )
    }

    /// A provider sees only its own scorecards, and only once its period is published; operators and services see
    /// every one, drafts included.
    func checkVisible(_ period: PeriodID, provider: ProviderID, to context: ServerContext, action: String) async throws
    {
        try ProviderCaller.checkOwn(provider, context.peer, action: action, what: "scorecards")
        guard try ProviderCaller.provider(context.peer) != nil else { return }
        try await self.calls.reading(context) { try self.assessment.checkPublished(period) }
    }
}
