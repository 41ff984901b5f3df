import ArgumentParser

/// `wmctl incentive …`: programs and budgets, rules, batches (compute, approve, post), statements, reconciliation.
struct IncentiveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incentive",
        abstract: "Run incentive programs: budgets, rules, batches, approvals, statements, reconciliation.",
        subcommands: [
            IncentiveProgramCommand.self, IncentiveBudgetCommand.self, IncentiveRulesCommand.self,
            IncentiveComputeCommand.self, IncentiveBatchCommand.self, IncentiveApproveCommand.self,
            IncentiveRejectCommand.self, IncentivePostCommand.self, IncentiveVoidCommand.self,
            IncentiveStatementCommand.self, IncentiveReconcileCommand.self, IncentiveDryRunCommand.self,
            IncentiveTransferCommand.self,
        ]
    )
}
