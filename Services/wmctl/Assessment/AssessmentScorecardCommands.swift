import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl assessment scorecard 2021-09 prv_…`: one scorecard, broken down by dimension and indicator.
struct AssessmentScorecardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scorecard", abstract: "Show a provider's scorecard.")

    @Argument(help: "The period, YYYY-MM.") var period: String
    @Argument(help: "The provider's id (prv_…).") var providerID: String
    @Option(name: .customLong("revision"), help: "A past revision (default: the current one).") var revision: Int64 = 0
    @Flag(name: .customLong("history"), help: "Every revision, oldest first.") var history = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let flags = FlagNames(["period": "<period>", "provider_id": "<provider-id>", "revision": "--revision"])
        let cards = try await AssessmentCall.run(self.connection, flags: flags) { assessment in
            if self.history {
                return try await assessment.scorecardHistory(
                    AssessmentV1.ScorecardHistoryRequest(period: self.period, providerId: self.providerID),
                    options: self.connection.callOptions
                ).revisions
            }
            let card = try await assessment.getScorecard(
                AssessmentV1.GetScorecardRequest(
                    period: self.period,
                    providerId: self.providerID,
                    revision: self.revision
                ),
                options: self.connection.callOptions
            ).scorecard
            return [card ?? AssessmentV1.Scorecard()]
        }
        if self.connection.json {
            JSONOutput.print(["scorecards": .array(cards.map(AssessmentJSON.scorecard))])
        } else {
            print(cards.map(AssessmentTables.scorecard).joined(separator: "\n\n"))
        }
    }
}

/// `wmctl assessment rankings 2021-09 LOCAL`: the ranking of one provider type, best first.
struct AssessmentRankingsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rankings", abstract: "Rank one provider type.")

    @Argument(help: "The period, YYYY-MM.") var period: String
    @Argument(help: "LOCAL, BRAND, MATCHMAKING, BASE or STRATEGIC.") var type: String
    @Option(name: .customLong("page-size"), help: "Rows per page (default 50, at most 500).") var pageSize: Int32 = 0
    @Option(name: .customLong("page-token"), help: "The next-page token a previous page printed.") var pageToken = ""
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let flags = FlagNames([
            "period": "<period>", "provider_type": "<type>", "page.page_size": "--page-size",
            "page.page_token": "--page-token",
        ])
        let response = try await AssessmentCall.run(self.connection, flags: flags) { assessment in
            try await assessment.listRankings(
                AssessmentV1.ListRankingsRequest(
                    period: self.period,
                    providerType: self.type.uppercased(),
                    page: CommonV1.PageRequest(pageSize: self.pageSize, pageToken: self.pageToken)
                ),
                options: self.connection.callOptions
            )
        }
        let next = response.page?.nextPageToken ?? ""
        if self.connection.json {
            JSONOutput.print([
                "scorecards": .array(response.scorecards.map(AssessmentJSON.scorecard)),
                "next_page_token": .string(next),
            ])
        } else {
            print(AssessmentTables.rankings(response.scorecards))
            if !next.isEmpty { print("\nnext page: --page-token \(next)") }
        }
    }
}
