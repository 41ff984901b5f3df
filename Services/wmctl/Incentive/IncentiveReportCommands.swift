import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl incentive statement wm-2021h2 2021-09 prv_…`: every line of the provider's period, with its arithmetic.
struct IncentiveStatementCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement",
        abstract: "Show a provider's statement for a period (a provider's certificate reads only its own)."
    )

    @Argument(help: "The program id.") var program: String
    @Argument(help: "The period, YYYY-MM.") var period: String
    @Argument(help: "The provider id.") var provider: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let flags = FlagNames(["program_id": "<program>", "period": "<period>", "provider_id": "<provider>"])
        let response = try await IncentiveCall.run(self.connection, flags: flags) {
            try await $0.getStatement(
                IncentiveV1.StatementRequest(programId: self.program, period: self.period, providerId: self.provider),
                options: self.connection.callOptions
            )
        }
        if self.connection.json {
            JSONOutput.print(IncentiveJSON.statement(response))
        } else {
            print(IncentiveTables.statement(response))
        }
    }
}

/// `wmctl incentive reconcile`: re-derives every balance from the transfers; exits 3 on a violation.
struct IncentiveReconcileCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Check every balance and batch against the transfers (exit 3 when something does not reconcile)."
    )

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var options = self.connection.callOptions
        options.timeout = self.connection.streamingOptions.timeout
        let report = try await IncentiveCall.run(self.connection) {
            try await $0.reconcile(IncentiveV1.ReconcileRequest(), options: options)
        }
        if self.connection.json {
            JSONOutput.print([
                "accounts": .number(report.accounts), "transfers": .number(report.transfers),
                "pending_fen": .string(report.pendingFen), "posted_fen": .string(report.postedFen),
                "pending_impressions": .string(report.pendingImpressions),
                "posted_impressions": .string(report.postedImpressions),
                "violations": .array(report.violations.map(JSONOutput.Value.string)),
            ])
        } else {
            print(IncentiveTables.reconcile(report))
        }
        if !report.violations.isEmpty { throw ExitCode(3) }
    }
}

/// `wmctl incentive dry-run wm-2021h2 2021-09 draft.json`: what the draft would pay, against the published rules.
struct IncentiveDryRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dry-run",
        abstract: "Show what a draft rules document would pay for a period, without moving anything."
    )

    @Argument(help: "The program id.") var program: String
    @Argument(help: "The period, YYYY-MM.") var period: String
    @Argument(help: "The draft rules document (JSON).") var file: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let document = try DocumentFile.read(self.file)
        let flags = FlagNames(["program_id": "<program>", "period": "<period>", "document": "<file>"])
        var options = self.connection.callOptions
        options.timeout = self.connection.streamingOptions.timeout
        let report = try await IncentiveCall.run(self.connection, flags: flags) {
            try await $0.dryRun(
                IncentiveV1.DryRunRequest(programId: self.program, period: self.period, document: document),
                options: options
            )
        }
        if self.connection.json {
            JSONOutput.print(IncentiveJSON.dryRun(report))
        } else {
            print(IncentiveTables.dryRun(report))
        }
    }
}

/// `wmctl incentive transfer correction-7 --debit funding:cash --credit program:wm-2021h2:cash --amount 1,000.00`:
/// one posted operator transfer (a correction names what it corrects with `--corrects`).
struct IncentiveTransferCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "transfer",
        abstract: "Post one operator transfer between two accounts (corrections, manual top-ups)."
    )

    @Argument(help: "The transfer id (its idempotency key; no ':' and not starting with 'fund.').") var id: String
    @Option(name: .customLong("debit"), help: "The account debited.") var debit: String
    @Option(name: .customLong("credit"), help: "The account credited.") var credit: String
    @Option(name: .customLong("amount"), help: "Yuan for cash accounts, impressions for traffic.") var amount: String
    @Option(name: .customLong("unit"), help: "FEN (--amount in yuan, e.g. 1,000.00) or IMPRESSIONS.") var unit = "FEN"
    @Option(name: .customLong("corrects"), help: "The transfer this one corrects.") var corrects: String?
    @OptionGroup var connection: ConnectionOptions

    func validate() throws {
        guard ["FEN", "IMPRESSIONS"].contains(self.unit) else {
            throw ValidationError("--unit must be FEN or IMPRESSIONS")
        }
        guard self.parsedAmount != nil else {
            throw ValidationError(
                "--amount must be yuan with at most two decimals (FEN) or a whole number (IMPRESSIONS)"
            )
        }
    }

    private var parsedAmount: Int64? {
        self.unit == "FEN" ? FixedText.fen(fromYuan: self.amount) : FixedText.count(from: self.amount)
    }

    func run() async throws {
        let flags = FlagNames([
            "transfers.id": "<id>", "transfers.debit_account": "--debit", "transfers.credit_account": "--credit",
            "transfers.amount": "--amount", "transfers.unit": "--unit", "transfers.corrects": "--corrects",
        ])
        let transfer = IncentiveV1.Transfer(
            id: self.id,
            debitAccount: self.debit,
            creditAccount: self.credit,
            amount: self.parsedAmount ?? 0,
            unit: self.unit,
            corrects: self.corrects ?? ""
        )
        let response = try await IncentiveCall.run(self.connection, flags: flags) {
            try await $0.createTransfers(
                IncentiveV1.CreateTransfersRequest(transfers: [transfer]),
                options: self.connection.callOptions
            )
        }
        if self.connection.json {
            JSONOutput.print(["created": .number(response.created), "existing": .number(response.existing)])
        } else {
            print(response.created == 1 ? "transfer \(self.id) posted" : "transfer \(self.id) was already posted")
        }
    }
}
