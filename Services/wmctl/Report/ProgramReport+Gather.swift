import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

extension ProgramReport {
    /// Reads the report of `programID` from running services, as `identity` (an operator or finance approver).
    /// - Parameter top: how many of each type's ranking to include.
    static func gather(
        programID: String,
        connections: StackConnections,
        as identity: StackConnections.Identity,
        options: CallOptions,
        top: Int = 10
    ) async throws -> ProgramReport {
        let incentive = IncentiveV1.Incentive.Client(try connections.client(.incentive, as: identity))
        let assessment = AssessmentV1.Assessment.Client(try connections.client(.assessment, as: identity))
        let registry = RegistryV1.Registry.Client(try connections.client(.registry, as: identity))
        let budget = try await incentive.getBudget(IncentiveV1.ProgramRequest(programId: programID), options: options)
        guard let program = budget.budget?.program else {
            throw CommandFailure("GetBudget answered without the program")
        }
        let progress = try await assessment.progress(AssessmentV1.ProgressRequest(), options: options)
        var periods: [Period] = []
        var latestScorecards: [AssessmentV1.Scorecard] = []
        for scored in progress.periods
        where scored.period >= program.firstPeriod && scored.period <= program.lastPeriod {
            let scorecards = try await assessment.allScorecards(scored.period, options: options)
            var tiers: [String: Int] = [:]
            for scorecard in scorecards {
                tiers[scorecard.disqualified ? "disqualified" : scorecard.tier, default: 0] += 1
            }
            let paid = try await Self.paid(incentive, programID: programID, period: scored.period, options: options)
            periods.append(
                Period(
                    period: scored.period,
                    state: scored.state,
                    billionClub: scored.overall?.billion ?? 0,
                    hundredMillionClub: scored.overall?.hundredMillion ?? 0,
                    providers: scored.overall?.providers ?? 0,
                    tiers: tiers,
                    paidFen: paid.cash,
                    paidImpressions: paid.traffic,
                    clawbackFen: paid.clawback
                )
            )
            latestScorecards = scorecards
        }
        var composites: [String: [Int64]] = [:]
        for scorecard in latestScorecards {
            composites[scorecard.providerType, default: []].append(scorecard.composite)
        }
        var rankings: [String: [Ranked]] = [:]
        for type in Self.types {
            let best = latestScorecards.filter { $0.providerType == type && $0.rank > 0 }.sorted { $0.rank < $1.rank }
            for scorecard in best.prefix(top) {
                let provider = try await registry.getProvider(
                    RegistryV1.GetProviderRequest(providerId: scorecard.providerId),
                    options: options
                )
                rankings[type, default: []].append(
                    Ranked(
                        rank: scorecard.rank,
                        providerID: scorecard.providerId,
                        name: provider.provider?.profile?.displayName ?? "",
                        composite: scorecard.composite,
                        tier: scorecard.tier,
                        club: scorecard.club,
                        clubGMVFen: scorecard.clubGmvFen
                    )
                )
            }
        }
        return ProgramReport(
            readAt: Date(),
            programID: program.id,
            programName: program.name,
            firstPeriod: program.firstPeriod,
            lastPeriod: program.lastPeriod,
            targetBillion: progress.targetBillion,
            targetHundredMillion: progress.targetHundredMillion,
            periods: periods,
            cash: Budget(budget.budget?.cash),
            traffic: Budget(budget.budget?.traffic),
            composites: composites,
            rankings: rankings
        )
    }

    /// What the period's posted batches paid: batch ids are `<program>.<period>.<sequence>`, numbered from 1, so
    /// they are read in turn until one is not found.
    private static func paid(
        _ incentive: IncentiveV1.Incentive.Client,
        programID: String,
        period: String,
        options: CallOptions
    ) async throws -> (cash: Int64, traffic: Int64, clawback: Int64) {
        var totals: (cash: Int64, traffic: Int64, clawback: Int64) = (0, 0, 0)
        for sequence in 1... {
            let batch: IncentiveV1.Batch?
            do {
                batch = try await incentive.getBatch(
                    IncentiveV1.GetBatchRequest(
                        batchId: "\(programID).\(period).\(sequence)",
                        page: CommonV1.PageRequest(pageSize: 1)
                    ),
                    options: options
                ).batch
            } catch let error as RPCError where error.code == .notFound {
                break
            }
            guard let batch, batch.state == "POSTED", let batchTotals = batch.totals else { continue }
            totals.cash += batchTotals.cashFen
            totals.traffic += batchTotals.trafficImpressions
            totals.clawback += batchTotals.clawbackFen
        }
        return totals
    }
}

extension ProgramReport.Budget {
    init(_ figures: IncentiveV1.BudgetFigures?) {
        let figures = figures ?? IncentiveV1.BudgetFigures()
        self.init(
            funded: figures.funded,
            reserved: figures.reserved,
            paid: figures.posted,
            recovered: figures.recovered,
            remaining: figures.remaining
        )
    }
}
