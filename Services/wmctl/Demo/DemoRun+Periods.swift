import Foundation
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

extension DemoRun {
    /// The month the two appeals are filed (双11, 2021-11) and the month the late revision claws money back.
    static let appealMonth = 4
    static let revisionMonth = 6
    /// Facts per ingest message: the assessment's limit.
    static let factsPerMessage = 10_000

    /// One period, as the program runs it: the month's facts ingested, scored, published, appealed, finalized, then
    /// its disbursement computed by the operator, approved by one finance approver and posted by another.
    func playPeriod(_ month: Int) async throws {
        let period = SyntheticProgram.periods[month]
        try await self.ingest(month)
        try await self.computeScores(period)
        _ = try await self.assessment.publish(
            AssessmentV1.PeriodRequest(period: period),
            options: self.keyed("publish-\(period)")
        )
        if month == Self.appealMonth { try await self.appeal(period) }
        try await self.finalize(period)
        if month == Self.topUpMonth { try await self.topUp() }
        if month == Self.revisionMonth {
            try await self.reviseLate(SyntheticProgram.periods[Self.appealMonth])
        }
        let batch = try await self.disburse(period)
        let totals = batch.totals ?? IncentiveV1.BatchTotals()
        Self.say(
            "\(period): \(AmountText.count(totals.lines)) lines, \(AmountText.yuan(totals.cashFen)) and "
                + "\(AmountText.count(totals.trafficImpressions)) impressions granted"
                + (totals.clawbackFen > 0 ? ", \(AmountText.yuan(totals.clawbackFen)) clawed back" : "")
        )
    }

    func ingest(_ month: Int) async throws {
        let period = SyntheticProgram.periods[month]
        let facts = self.program.facts(month: month, providerIDs: self.providerIDs)
        let progress = ProgressLine("\(period) facts")
        let response = try await self.assessment.ingest(options: self.streaming) { writer in
            var sent = 0
            while sent < facts.count {
                let end = min(sent + Self.factsPerMessage, facts.count)
                try await writer.write(AssessmentV1.IngestRequest(facts: Array(facts[sent ..< end])))
                sent = end
                progress.update(Int64(sent), of: Int64(facts.count))
            }
        }
        progress.finish()
        guard response.rejected == 0, response.conflict == 0 else {
            let problem = response.problems.first.map { "\($0.factId): \($0.field) \($0.reason)" } ?? "no detail"
            throw CommandFailure(
                "\(period): the assessment rejected \(response.rejected) and found \(response.conflict) conflicting "
                    + "facts (first: \(TerminalText.escaped(problem)))"
            )
        }
    }

    /// Options for calls that run as long as their work: at least ten minutes.
    var streaming: CallOptions {
        var options = self.options
        options.timeout = max(options.timeout ?? .seconds(600), .seconds(600))
        return options
    }

    func computeScores(_ period: String) async throws {
        let progress = ProgressLine("\(period) scoring")
        try await self.assessment.compute(AssessmentV1.PeriodRequest(period: period), options: self.streaming) {
            stream in
            for try await step in stream {
                progress.update(step.providersScored, of: step.providersTotal)
            }
        }
        progress.finish()
    }

    /// Finalizes once the appeal window has closed: the assessment refuses while it runs, naming the deadline, so
    /// the demo asks again every half second, for at most the window and a minute.
    func finalize(_ period: String) async throws {
        let started = ContinuousClock.now
        var deadline: Duration = .seconds(60)
        while true {
            do {
                _ = try await self.assessment.finalize(
                    AssessmentV1.PeriodRequest(period: period),
                    options: self.keyed("finalize-\(period)")
                )
                return
            } catch let error as RPCError where error.code == .failedPrecondition {
                if deadline == .seconds(60) {
                    let state = try await self.assessment.getPeriod(
                        AssessmentV1.PeriodRequest(period: period),
                        options: self.options
                    )
                    if let closes = state.period?.appealDeadline {
                        let seconds = Double(closes.unixMicros) / 1_000_000 - Date().timeIntervalSince1970
                        deadline += .seconds(max(0, seconds))
                        if seconds > 30 {
                            Self.say(
                                "\(period): waiting \(Int(seconds)) s for the appeal window to close "
                                    + "(start the assessment with --appeal-seconds for a shorter one)"
                            )
                        }
                    }
                }
                guard ContinuousClock.now - started < deadline else {
                    throw CommandFailure("\(period): could not finalize: \(TerminalText.escaped(error.message))")
                }
                try await Task.sleep(for: .milliseconds(500))
            }
        }
    }

    /// Computes the period's batch as the operator, has finance-bob approve it and finance-carol post it.
    @discardableResult
    func disburse(_ period: String, key: String? = nil) async throws -> IncentiveV1.Batch {
        let step = key ?? period
        let request = IncentiveV1.PeriodRequest(programId: self.programID, period: period)
        var batch: IncentiveV1.Batch?
        try await self.incentive(as: "operator-alice").compute(request, options: self.keyedStreaming("compute-\(step)"))
        {
            stream in
            for try await progress in stream where progress.batch != nil { batch = progress.batch }
        }
        guard let proposed = batch else { throw CommandFailure("\(period): Compute answered without a batch") }
        _ = try await self.incentive(as: "finance-bob").approveBatch(
            IncentiveV1.BatchRequest(batchId: proposed.id),
            options: self.keyed("approve-\(step)")
        )
        let posted = try await self.incentive(as: "finance-carol").postBatch(
            IncentiveV1.BatchRequest(batchId: proposed.id),
            options: self.keyed("post-\(step)")
        )
        return posted.batch ?? proposed
    }

    func keyedStreaming(_ key: String) -> CallOptions {
        var options = self.keyed(key)
        options.timeout = self.streaming.timeout
        return options
    }
}
