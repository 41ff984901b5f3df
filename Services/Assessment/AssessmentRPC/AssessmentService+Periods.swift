import WindMakerAssessment
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension AssessmentService {
    /// Fetches the ACTIVE providers and the binding snapshot from the registry, scores the period on the work
    /// thread while streaming how many providers are scored, stores the scorecards, and ends with the period.
    public func compute(
        request: AssessmentV1.PeriodRequest,
        responses: ResponseWriter<AssessmentV1.ComputeProgress>,
        context: ServerContext
    ) async throws {
        let period = try WireRequest.period(request.period)
        try Assessment.checkComputable(
            period,
            today: BusinessCalendar.date(of: self.calls.clock()),
            programStart: self.settings.programStart
        )
        // The state is checked again when the scores are stored; checking it first spares a refused call the
        // registry round trips and a progress bar.
        // One computation of a period at a time, across every instance on the store.
        try await self.calls.guarded(context) {
            try await self.assessment.database.exclusively("compute \(period)") {
                try await self.computeHoldingThePeriod(period, responses: responses, context: context)
            }
        }
    }

    private func computeHoldingThePeriod(
        _ period: PeriodID,
        responses: ResponseWriter<AssessmentV1.ComputeProgress>,
        context: ServerContext
    ) async throws {
        var current = try await self.calls.reading(context) { try self.assessment.periodRecord(period) }
        try current.state.applyChecked(.compute, period: period)
        let (providers, snapshot) = try await self.registryInputs(for: period, context: context)
        let total = Int64(providers.count)
        try await responses.write(AssessmentV1.ComputeProgress(providersScored: 0, providersTotal: total))
        let (progress, reporter) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let now = self.calls.clock()
        async let prepared = self.calls.working(context) {
            defer { reporter.finish() }
            return try self.assessment.prepareComputation(
                period: period,
                providers: providers,
                snapshot: snapshot,
                at: now,
                progress: { reporter.yield($0) }
            )
        }
        for await scored in progress where scored < providers.count {
            try await responses.write(
                AssessmentV1.ComputeProgress(providersScored: Int64(scored), providersTotal: total)
            )
        }
        let computed = try await prepared
        let record = try await self.calls.guarded(context) {
            try await self.assessment.store(computed, actor: context.peer.description)
        }
        try await responses.write(
            AssessmentV1.ComputeProgress(
                providersScored: total,
                providersTotal: total,
                period: AssessmentV1.Period(record)
            )
        )
    }

    public func publish(
        request: AssessmentV1.PeriodRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.PeriodResponse {
        let period = try WireRequest.period(request.period)
        let window = self.settings.appealWindowSeconds * 1_000_000
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.assessment.publish(
                period: period,
                appealWindowMicroseconds: window,
                actor: context.peer.description,
                at: now,
                in: sql
            )
        } response: { record in
            AssessmentV1.PeriodResponse(period: AssessmentV1.Period(record))
        }
    }

    public func finalize(
        request: AssessmentV1.PeriodRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.PeriodResponse {
        let period = try WireRequest.period(request.period)
        return try await self.calls.mutating(request, context: context) { sql, now in
            try self.assessment.finalize(period: period, actor: context.peer.description, at: now, in: sql)
        } response: { record in
            AssessmentV1.PeriodResponse(period: AssessmentV1.Period(record))
        }
    }

    public func getPeriod(
        request: AssessmentV1.PeriodRequest,
        context: ServerContext
    ) async throws -> AssessmentV1.PeriodResponse {
        let period = try WireRequest.period(request.period)
        let record = try await self.calls.reading(context) { try self.assessment.periodRecord(period) }
        return AssessmentV1.PeriodResponse(period: AssessmentV1.Period(record))
    }

    /// The registry's view for a period: its ACTIVE providers and every binding in force over the input dates.
    func registryInputs(
        for period: PeriodID,
        context: ServerContext
    ) async throws -> ([PeriodComputation.Provider], BindingSnapshot) {
        let dates = try await self.calls.reading(context) { try self.assessment.inputDates(for: period) }
        let providers = try await self.registry.activeProviders()
        let bindings = try await self.registry.bindings(from: dates.first, through: dates.last)
        return (providers, BindingSnapshot(bindings))
    }
}
