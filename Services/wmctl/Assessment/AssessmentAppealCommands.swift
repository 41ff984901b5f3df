import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl assessment appeal 2021-09 prv_… --dimension fulfilment --reason "…"`: a provider appeals its scorecard.
struct AssessmentAppealCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeal",
        abstract: "Appeal one dimension of a published scorecard (as the provider)."
    )

    @Argument(help: "The period, YYYY-MM.") var period: String
    @Argument(help: "The provider's id (prv_…).") var providerID: String
    @Option(name: .customLong("dimension"), help: "traffic, live_stream, incubation, supply_chain or fulfilment.")
    var dimension: String
    @Option(name: .customLong("reason"), help: "Why the score is wrong.") var reason: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let flags = FlagNames([
            "period": "<period>", "provider_id": "<provider-id>", "dimension": "--dimension", "reason": "--reason",
        ])
        let options = IdempotencyOptions.callOptions(self.connection, key: self.idempotency.resolvedKey())
        let response = try await AssessmentCall.run(self.connection, flags: flags.merging(IdempotencyOptions.flags)) {
            assessment in
            try await assessment.fileAppeal(
                AssessmentV1.FileAppealRequest(
                    period: self.period,
                    providerId: self.providerID,
                    dimension: self.dimension,
                    reason: self.reason
                ),
                options: options
            )
        }
        AppealOutput.print([response.appeal ?? AssessmentV1.Appeal()], self.connection)
    }
}

/// `wmctl assessment resolve apl_… --reject "…"` or `--uphold --dimension … --indicator … --value 0.99
/// --justification "…"`: an operator resolves an appeal.
struct AssessmentResolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Reject an appeal with a reason, or uphold it with an indicator override."
    )

    @Argument(help: "The appeal's id (apl_…).") var appealID: String
    @Option(name: .customLong("reject"), help: "Reject, with this reason.") var reject: String?
    @Flag(name: .customLong("uphold"), help: "Uphold, with the override below.") var uphold = false
    @OptionGroup var override: OverrideOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func validate() throws {
        guard (self.reject != nil) != self.uphold else {
            throw ValidationError("give exactly one of --reject REASON and --uphold")
        }
        if self.uphold { try self.override.requireAll(for: "--uphold") }
    }

    func run() async throws {
        let flags = FlagNames(["appeal_id": "<appeal-id>", "reason": "--reject"]).merging(OverrideOptions.flags)
        let request = AssessmentV1.ResolveAppealRequest(
            appealId: self.appealID,
            uphold: self.uphold,
            reason: self.reject ?? "",
            override: self.uphold ? self.override.wire : nil
        )
        let options = IdempotencyOptions.callOptions(self.connection, key: self.idempotency.resolvedKey())
        let response = try await AssessmentCall.run(self.connection, flags: flags.merging(IdempotencyOptions.flags)) {
            assessment in
            try await assessment.resolveAppeal(request, options: options)
        }
        if self.connection.json {
            JSONOutput.print([
                "appeal": AssessmentJSON.appeal(response.appeal ?? AssessmentV1.Appeal()),
                "scorecard": AssessmentJSON.scorecard(response.scorecard ?? AssessmentV1.Scorecard()),
            ])
        } else {
            print(AssessmentTables.appeals([response.appeal ?? AssessmentV1.Appeal()]))
            print("\n" + AssessmentTables.scorecard(response.scorecard ?? AssessmentV1.Scorecard()))
        }
    }
}

/// `wmctl assessment revise 2021-09 prv_… --dimension fulfilment --indicator on_time_rate --value 0.99
/// --justification …`: corrects a FINAL scorecard late, as a new revision.
struct AssessmentReviseCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revise",
        abstract: "Revise a FINAL scorecard late with an indicator override (the incentive adjusts what it paid)."
    )

    @Argument(help: "The period, YYYY-MM (FINAL).") var period: String
    @Argument(help: "The provider's id (prv_…).") var providerID: String
    @OptionGroup var override: OverrideOptions
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func validate() throws {
        try self.override.requireAll(for: "revise")
    }

    func run() async throws {
        let flags = FlagNames(["period": "<period>", "provider_id": "<provider-id>"]).merging(OverrideOptions.flags)
        let key = self.idempotency.resolvedKey()
        let options = IdempotencyOptions.callOptions(self.connection, key: key)
        let response = try await AssessmentCall.run(self.connection, flags: flags.merging(IdempotencyOptions.flags)) {
            try await $0.reviseScorecard(
                AssessmentV1.ReviseScorecardRequest(
                    period: self.period,
                    providerId: self.providerID,
                    override: self.override.wire
                ),
                options: options
            )
        }
        let card = response.scorecard ?? AssessmentV1.Scorecard()
        if self.connection.json {
            JSONOutput.print(["scorecard": AssessmentJSON.scorecard(card)], idempotencyKey: key)
        } else {
            print(AssessmentTables.scorecard(card))
        }
    }
}

/// `wmctl assessment appeals 2021-09 prv_…`: the appeals on one scorecard.
struct AssessmentAppealsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "appeals",
        abstract: "List the appeals on a scorecard."
    )

    @Argument(help: "The period, YYYY-MM.") var period: String
    @Argument(help: "The provider's id (prv_…).") var providerID: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let flags = FlagNames(["period": "<period>", "provider_id": "<provider-id>"])
        let response = try await AssessmentCall.run(self.connection, flags: flags) { assessment in
            try await assessment.listAppeals(
                AssessmentV1.ListAppealsRequest(period: self.period, providerId: self.providerID),
                options: self.connection.callOptions
            )
        }
        AppealOutput.print(response.appeals, self.connection)
    }
}

enum AppealOutput {
    static func print(_ appeals: [AssessmentV1.Appeal], _ connection: ConnectionOptions) {
        if connection.json {
            JSONOutput.print(["appeals": .array(appeals.map(AssessmentJSON.appeal))])
        } else {
            Swift.print(AssessmentTables.appeals(appeals))
        }
    }
}
