import WindMakerIncentive
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension IncentiveService {
    public func createProgram(
        request: IncentiveV1.CreateProgramRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.ProgramResponse {
        let id = try IncentiveWireRequest.program(request.programId)
        let first = try IncentiveWireRequest.period(request.firstPeriod, field: "first_period")
        let last = try IncentiveWireRequest.period(request.lastPeriod, field: "last_period")
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.createProgram(
                id: id,
                name: request.name,
                first: first,
                last: last,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: {
            IncentiveV1.ProgramResponse(program: IncentiveV1.Program($0))
        }
    }

    public func getProgram(
        request: IncentiveV1.ProgramRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.ProgramResponse {
        let id = try IncentiveWireRequest.program(request.programId)
        let program = try await self.calls.reading(context) {
            try self.incentive.program(id, in: self.incentive.database)
        }
        return IncentiveV1.ProgramResponse(program: IncentiveV1.Program(program))
    }

    public func listPrograms(
        request: IncentiveV1.ListProgramsRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.ListProgramsResponse {
        let page = PageRequest(size: Int(request.page?.pageSize ?? 0), token: request.page?.pageToken)
        let programs = try await self.calls.reading(context) {
            try self.incentive.programs(page: page, in: self.incentive.database)
        }
        return IncentiveV1.ListProgramsResponse(
            programs: programs.items.map(IncentiveV1.Program.init),
            page: CommonV1.PageResponse(nextPageToken: programs.nextPageToken ?? "")
        )
    }

    public func fundProgram(
        request: IncentiveV1.FundProgramRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.BudgetResponse {
        try ServiceCalls.requireIdempotencyKey(context, because: "a retry without one would fund the program twice")
        let id = try IncentiveWireRequest.program(request.programId)
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.fund(
                id,
                cash: request.cashFen,
                traffic: request.trafficImpressions,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: {
            IncentiveV1.BudgetResponse(budget: IncentiveV1.Budget($0))
        }
    }

    public func getBudget(
        request: IncentiveV1.ProgramRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.BudgetResponse {
        let id = try IncentiveWireRequest.program(request.programId)
        let budget = try await self.calls.reading(context) {
            try self.incentive.budget(id, in: self.incentive.database)
        }
        return IncentiveV1.BudgetResponse(budget: IncentiveV1.Budget(budget))
    }

    public func publishRules(
        request: IncentiveV1.PublishRulesRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.PublishRulesResponse {
        let id = try IncentiveWireRequest.program(request.programId)
        let effectiveFrom = try IncentiveWireRequest.period(request.effectiveFrom, field: "effective_from")
        // Validated before the write is queued, so an invalid document never holds up other writes.
        _ = try IncentiveError.checking { () throws(InvalidRequest) in
            try EntitlementRules.read(Array(request.document.utf8))
        }
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.incentive.publishRules(
                id,
                document: request.document,
                effectiveFrom: effectiveFrom,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: {
            IncentiveV1.PublishRulesResponse(rules: IncentiveV1.RulesVersion($0))
        }
    }

    /// Every version without its document, or one version with it.
    public func getRules(
        request: IncentiveV1.GetRulesRequest,
        context: ServerContext
    ) async throws -> IncentiveV1.GetRulesResponse {
        let id = try IncentiveWireRequest.program(request.programId)
        guard request.version >= 0 else {
            throw IncentiveError.invalidArgument([FieldViolation(field: "version", description: "must not be negative")]
            )
        }
        let versions = try await self.calls.reading(context) {
            let database = self.incentive.database
            return request.version == 0
                ? try self.incentive.rulesVersions(id, in: database)
                : [try self.incentive.rulesVersion(id, version: request.version, in: database)]
        }
        return IncentiveV1.GetRulesResponse(
            versions: versions.map { version in
                var wire = IncentiveV1.RulesVersion(version)
                if request.version == 0 { wire.document = "" }
                return wire
            }
        )
    }
}
