import WindMakerIncentive
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension IncentiveService {
    /// Pulls the period's FINAL scorecards from the assessment and every provider's standing from the registry,
    /// then proposes the batch (or returns the one already there); streams progress, then the batch.
    public func compute(
        request: IncentiveV1.PeriodRequest,
        responses: ResponseWriter<IncentiveV1.ComputeProgress>,
        context: ServerContext
    ) async throws {
        let program = try IncentiveWireRequest.program(request.programId)
        let period = try IncentiveWireRequest.period(request.period)
        let inputs = try await self.inputs(program, period, payable: true, responses: responses, context: context)
        let final = try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.computeBatch(
                program,
                period: period,
                inputs: inputs,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: { outcome in
            IncentiveV1.ComputeProgress(
                stage: "batch",
                done: Int64(inputs.count),
                batch: IncentiveV1.Batch(outcome.batch),
                created: outcome.created
            )
        }
        try await responses.write(final)
    }

    public func getBatch(
        request: IncentiveV1.GetBatchRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.GetBatchResponse {
        let id = try IncentiveWireRequest.batch(request.batchId)
        let page = PageRequest(size: Int(request.page?.pageSize ?? 0), token: request.page?.pageToken)
        let (batch, lines) = try await self.calls.reading(context) {
            let database = self.incentive.database
            return (try self.incentive.batch(id, in: database), try self.incentive.lines(id, page: page, in: database))
        }
        return IncentiveV1.GetBatchResponse(
            batch: IncentiveV1.Batch(batch),
            lines: lines.items.map(IncentiveV1.EntitlementLine.init),
            page: CommonV1.PageResponse(nextPageToken: lines.nextPageToken ?? "")
        )
    }

    public func approveBatch(
        request: IncentiveV1.BatchRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.BatchResponse {
        let id = try IncentiveWireRequest.batch(request.batchId)
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.approve(id, actor: context.peer.description, at: now, in: sql)
        } response: {
            IncentiveV1.BatchResponse(batch: IncentiveV1.Batch($0))
        }
    }

    public func rejectBatch(
        request: IncentiveV1.RejectBatchRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.BatchResponse {
        let id = try IncentiveWireRequest.batch(request.batchId)
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.reject(id, reason: request.reason, actor: context.peer.description, at: now, in: sql)
        } response: {
            IncentiveV1.BatchResponse(batch: IncentiveV1.Batch($0))
        }
    }

    /// Posts an approved batch after its hold period, paying ACTIVE providers by their standing in the registry
    /// now; posting again releases held lines.
    public func postBatch(
        request: IncentiveV1.BatchRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.PostBatchResponse {
        let id = try IncentiveWireRequest.batch(request.batchId)
        _ = try await self.calls.reading(context) { try self.incentive.batch(id, in: self.incentive.database) }
        let standings = try await self.source.standings()
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.post(id, standings: standings, actor: context.peer.description, at: now, in: sql)
        } response: { outcome in
            IncentiveV1.PostBatchResponse(
                batch: IncentiveV1.Batch(outcome.batch),
                paid: Int64(outcome.paid),
                held: Int64(outcome.held),
                voided: Int64(outcome.voided)
            )
        }
    }

    public func voidLine(
        request: IncentiveV1.VoidLineRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.VoidLineResponse {
        let id = try IncentiveWireRequest.batch(request.batchId)
        let provider = try IncentiveWireRequest.provider(request.providerId)
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.voidLine(
                id,
                provider: provider,
                reason: request.reason,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: {
            IncentiveV1.VoidLineResponse(line: IncentiveV1.EntitlementLine($0))
        }
    }

    /// The scorecards of `period` with each provider's standing, reporting progress; `payable` demands a FINAL
    /// period.
    func inputs(
        _ program: ProgramID,
        _ period: PeriodID,
        payable: Bool,
        responses: ResponseWriter<IncentiveV1.ComputeProgress>?,
        context: ServerContext
    ) async throws -> [ScorecardInput] {
        let rules = try await self.calls.reading(context) {
            try self.incentive.rules(program, for: period, in: self.incentive.database)
        }
        guard let scorecards = try await self.source.scorecards(period) else {
            throw IncentiveError.failedPrecondition("the assessment has no period \(period)")
        }
        if payable && scorecards.state != "FINAL" {
            throw IncentiveError.failedPrecondition(
                "period \(period) is \(scorecards.state) at the assessment: only FINAL scorecards are paid"
            )
        }
        try await responses?.write(
            IncentiveV1.ComputeProgress(stage: "scorecards", done: Int64(scorecards.cards.count))
        )
        var previous: [ProviderID: Int64] = [:]
        if rules.rules.basis == .growth, let earlier = try await self.source.scorecards(period.monthsBefore(1)) {
            for card in earlier.cards { previous[card.provider] = card.gmv }
        }
        let standings = try await self.source.standings()
        try await responses?.write(IncentiveV1.ComputeProgress(stage: "registry", done: Int64(standings.count)))
        return scorecards.cards.map { card in
            ScorecardInput(
                card,
                previousGMV: previous[card.provider],
                standing: standings[card.provider] ?? .ineligible("provider is not in the registry")
            )
        }
    }
}
