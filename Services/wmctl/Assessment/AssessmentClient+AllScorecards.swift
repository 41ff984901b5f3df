import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

extension AssessmentV1.Assessment.Client {
    /// Every current scorecard of `period`, page by page (500 to a page, the most the assessment sends).
    func allScorecards(_ period: String, options: CallOptions) async throws -> [AssessmentV1.Scorecard] {
        var all: [AssessmentV1.Scorecard] = []
        var token = ""
        repeat {
            let page = try await self.listScorecards(
                AssessmentV1.ListScorecardsRequest(
                    period: period,
                    page: CommonV1.PageRequest(pageSize: 500, pageToken: token)
                ),
                options: options
            )
            all += page.scorecards
            token = page.page?.nextPageToken ?? ""
        } while !token.isEmpty
        return all
    }
}
