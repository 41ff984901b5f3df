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
    @Option(name: .customLong("dimension"), help: "The appealed dimension.") var dimension: String?
    @Option(name: .customLong("indicator"), help: "The indicator to override (its id in the rulebook).")
    var indicator: String?
    @Option(name: .customLong("value"), help: "The indicator's value to use, e.g. 0.97 (up to 4 decimals).")
    var value: String?
    @Option(name: .customLong("justification"), help: "Why the override is right.") var justification: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func validate() throws {
        guard (self.reject != nil) != self.uphold else {
            throw ValidationError("give exactly one of --reject REASON and --uphold")
        }
        if self.uphold {
            guard self.dimension != nil, self.indicator != nil, self.value != nil, self.justification != nil else {
                throw ValidationError("--uphold needs --dimension, --indicator, --value and --justification")
            }
            guard FixedText.tenThousandths(self.value ?? "") != nil else {
                throw ValidationError("--value must be a number with at most 4 decimals, e.g. 0.97")
            }
        }
    }

    func run() async throws {
        let flags = FlagNames([
            "appeal_id": "<appeal-id>", "reason": "--reject", "override.dimension": "--dimension",
            "override.indicator": "--indicator", "override.value": "--value",
            "override.justification": "--justification",
        ])
        let request = AssessmentV1.ResolveAppealRequest(
            appealId: self.appealID,
            uphold: self.uphold,
            reason: self.reject ?? "",
            override: self.uphold
                ? AssessmentV1.IndicatorOverride(
                    dimension: self.dimension ?? "",
                    indicator: self.indicator ?? "",
                    value: FixedText.tenThousandths(self.value ?? "") ?? 0,
                    justification: self.justification ?? ""
                ) : nil
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
