import ArgumentParser

/// `wmctl assessment …`: facts, rulebooks, periods, scorecards, appeals, dry runs and program progress.
struct AssessmentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assessment",
        abstract: "Ingest facts, run assessment periods, read scorecards, handle appeals.",
        subcommands: [
            AssessmentIngestCommand.self, AssessmentComputeCommand.self, AssessmentPublishCommand.self,
            AssessmentFinalizeCommand.self, AssessmentPeriodCommand.self, AssessmentScorecardCommand.self,
            AssessmentRankingsCommand.self, AssessmentAppealCommand.self, AssessmentResolveCommand.self,
            AssessmentAppealsCommand.self, AssessmentReviseCommand.self, AssessmentRulebookCommand.self,
            AssessmentDryRunCommand.self,
            AssessmentProgressCommand.self,
        ]
    )
}
