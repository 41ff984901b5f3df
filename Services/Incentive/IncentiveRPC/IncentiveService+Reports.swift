import WindMakerIncentive
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension IncentiveService {
    public func getStatement(
        request: IncentiveV1.StatementRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.StatementResponse {
        let program = try IncentiveWireRequest.program(request.programId)
        let period = try IncentiveWireRequest.period(request.period)
        let provider = try IncentiveWireRequest.provider(request.providerId)
        try ProviderCaller.checkOwn(provider, context.peer, action: "read", what: "statements")
        let statement = try await self.calls.reading(context) {
            try self.incentive.statement(program, period: period, provider: provider, in: self.incentive.database)
        }
        // A provider sees its own lines and what happened to each batch, not who approved it or the batch's totals.
        let forProvider = try ProviderCaller.provider(context.peer) != nil
        return IncentiveV1.StatementResponse(
            programId: program.rawValue,
            period: period.description,
            providerId: provider.rawValue,
            entries: statement.entries.map { entry in
                let batch = IncentiveV1.Batch(entry.batch)
                return IncentiveV1.StatementEntry(
                    batch: forProvider ? batch.asSeenByProvider : batch,
                    line: IncentiveV1.EntitlementLine(entry.line)
                )
            },
            paidFen: statement.paid
        )
    }

    /// Re-derives every balance from the transfers, as of one moment, on the work thread (a million transfers take
    /// about a second).
    public func reconcile(
        request: IncentiveV1.ReconcileRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.ReconcileResponse {
        let report = try await self.calls.working(context) { try self.incentive.reconcile() }
        return IncentiveV1.ReconcileResponse(
            accounts: Int64(report.accounts),
            transfers: Int64(report.transfers),
            violations: report.violations.map(\.description),
            pendingFen: String(report.totals(.fen).pending),
            postedFen: String(report.totals(.fen).posted),
            pendingImpressions: String(report.totals(.impressions).pending),
            postedImpressions: String(report.totals(.impressions).posted)
        )
    }

    public func createTransfers(
        request: IncentiveV1.CreateTransfersRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.CreateTransfersResponse {
        guard request.transfers.count <= Incentive.maximumTransfersPerRequest else {
            throw IncentiveError.invalidArgument([
                FieldViolation(
                    field: "transfers",
                    description:
                        "at most \(Incentive.maximumTransfersPerRequest) per request, found \(request.transfers.count)"
                )
            ])
        }
        let transfers = try request.transfers.enumerated().map { (index, wire) throws(IncentiveError) in
            try IncentiveWireRequest.transfer(wire, index: index)
        }
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.createTransfers(transfers, actor: context.peer.description, at: now, in: sql)
        } response: {
            IncentiveV1.CreateTransfersResponse(created: Int64($0.created), existing: Int64($0.existing))
        }
    }

    /// What a draft rules document would pay for a period, without moving anything.
    public func dryRun(
        request: IncentiveV1.DryRunRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.DryRunResponse {
        let program = try IncentiveWireRequest.program(request.programId)
        let period = try IncentiveWireRequest.period(request.period)
        _ = try IncentiveError.checking { () throws(InvalidRequest) in
            try EntitlementRules.read(Array(request.document.utf8))
        }
        let inputs = try await self.inputs(program, period, payable: false, responses: nil, context: context)
        let report = try await self.calls.working(context) {
            try self.incentive.dryRun(
                program,
                period: period,
                document: request.document,
                inputs: inputs,
                in: self.incentive.database
            )
        }
        return IncentiveV1.DryRunResponse(report)
    }
}
