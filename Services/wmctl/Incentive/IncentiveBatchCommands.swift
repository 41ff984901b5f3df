import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

private let batchFlags = FlagNames(["batch_id": "<batch>"])

/// `wmctl incentive compute wm-2021h2 2021-09`: pulls the period's FINAL scorecards and standings and proposes a
/// batch (or shows the one already there), with progress.
struct IncentiveComputeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compute",
        abstract: "Compute a period's entitlements and propose a batch (computing twice returns the same batch)."
    )

    @Argument(help: "The program id.") var program: String
    @Argument(help: "The period, YYYY-MM (FINAL at the assessment).") var period: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let progress = ProgressLine("scorecards and standings read")
        var options = self.connection.streamingOptions
        let key = self.idempotency.resolvedKey()
        options.metadata.set("idempotency-key", key)
        options.isIdempotent = true
        let flags = FlagNames(["program_id": "<program>", "period": "<period>"]).merging(IdempotencyOptions.flags)
        let last = try await IncentiveCall.run(self.connection, flags: flags) { incentive in
            try await incentive.compute(
                IncentiveV1.PeriodRequest(programId: self.program, period: self.period),
                options: options
            ) { stream in
                var last = IncentiveV1.ComputeProgress()
                var read: Int64 = 0
                for try await message in stream {
                    if message.stage != "batch" {
                        read += message.done
                        progress.update(read)
                    }
                    last = message
                }
                return last
            }
        }
        progress.finish()
        let batch = last.batch ?? IncentiveV1.Batch()
        if self.connection.json {
            JSONOutput.print(
                ["batch": IncentiveJSON.batch(batch), "created": .bool(last.created)],
                idempotencyKey: key
            )
        } else {
            print(last.created ? "proposed a new batch" : "a batch already stands for this period; nothing new")
            print(IncentiveTables.batch(batch))
        }
    }
}

/// `wmctl incentive batch wm-2021h2.2021-09.1 [--lines]`: the batch, and with `--lines` every provider's line.
struct IncentiveBatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Show a batch and its lines.")

    @Argument(help: "The batch id, <program>.<YYYY-MM>.<n>.") var batch: String
    @Flag(name: .customLong("lines"), help: "List every line (page by page).") var lines = false
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var batch = IncentiveV1.Batch()
        var lines: [IncentiveV1.EntitlementLine] = []
        try await IncentiveCall.run(self.connection, flags: batchFlags) { incentive in
            var token = ""
            repeat {
                let page = try await incentive.getBatch(
                    IncentiveV1.GetBatchRequest(
                        batchId: self.batch,
                        page: CommonV1.PageRequest(pageSize: self.lines ? 500 : 1, pageToken: token)
                    ),
                    options: self.connection.callOptions
                )
                batch = page.batch ?? batch
                lines += page.lines
                token = self.lines ? page.page?.nextPageToken ?? "" : ""
            } while !token.isEmpty
        }
        if self.connection.json {
            var fields: [String: JSONOutput.Value] = ["batch": IncentiveJSON.batch(batch)]
            if self.lines { fields["lines"] = .array(lines.map(IncentiveJSON.line)) }
            JSONOutput.print(fields)
        } else {
            print(IncentiveTables.batch(batch))
            if self.lines { print("\n" + IncentiveTables.lines(lines)) }
        }
    }
}

/// `wmctl incentive approve <batch>`: by a finance approver other than the proposer.
struct IncentiveApproveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a proposed batch (finance; not the identity that proposed it)."
    )

    @Argument(help: "The batch id.") var batch: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: batchFlags) {
            try await $0.approveBatch(IncentiveV1.BatchRequest(batchId: self.batch), options: $1)
        }
        IncentiveOutput.batch(response.batch ?? IncentiveV1.Batch(), self.connection, key: key)
    }
}

/// `wmctl incentive reject <batch> --reason …`: voids the batch's reservation.
struct IncentiveRejectCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject",
        abstract: "Reject a proposed or approved batch, releasing its reservation (finance)."
    )

    @Argument(help: "The batch id.") var batch: String
    @Option(name: .customLong("reason"), help: "Why, for the audit trail.") var reason: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let flags = batchFlags.merging(FlagNames(["reason": "--reason"]))
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: flags) {
            try await $0.rejectBatch(
                IncentiveV1.RejectBatchRequest(batchId: self.batch, reason: self.reason),
                options: $1
            )
        }
        IncentiveOutput.batch(response.batch ?? IncentiveV1.Batch(), self.connection, key: key)
    }
}

/// `wmctl incentive post <batch>`: pays an approved batch after its hold period; again, releases held lines.
struct IncentivePostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "post",
        abstract: "Post an approved batch after its hold period (again: release lines held for suspended providers)."
    )

    @Argument(help: "The batch id.") var batch: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: batchFlags) {
            try await $0.postBatch(IncentiveV1.BatchRequest(batchId: self.batch), options: $1)
        }
        let batch = response.batch ?? IncentiveV1.Batch()
        if self.connection.json {
            JSONOutput.print(
                [
                    "batch": IncentiveJSON.batch(batch), "paid": .number(response.paid), "held": .number(response.held),
                    "voided": .number(response.voided),
                ],
                idempotencyKey: key
            )
        } else {
            print(
                "\(response.paid) lines paid, \(response.held) held for suspended providers (post again once they "
                    + "are reinstated), \(response.voided) voided"
            )
            print(IncentiveTables.batch(batch))
        }
    }
}

/// `wmctl incentive void <batch> <provider> --reason …`: voids one provider's open line.
struct IncentiveVoidCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Void one provider's pending or held line of a batch, releasing what it reserved (finance)."
    )

    @Argument(help: "The batch id.") var batch: String
    @Argument(help: "The provider id.") var provider: String
    @Option(name: .customLong("reason"), help: "Why, for the statement and the audit trail.") var reason: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let flags = batchFlags.merging(FlagNames(["provider_id": "<provider>", "reason": "--reason"]))
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: flags) {
            try await $0.voidLine(
                IncentiveV1.VoidLineRequest(batchId: self.batch, providerId: self.provider, reason: self.reason),
                options: $1
            )
        }
        let line = response.line ?? IncentiveV1.EntitlementLine()
        if self.connection.json {
            JSONOutput.print(["line": IncentiveJSON.line(line)], idempotencyKey: key)
        } else {
            print(IncentiveTables.lines([line]))
        }
    }
}
