public import WindMakerKit
public import WindMakerStorage

/// What a draft rules version would pay for a period, against what the published rules pay, without moving
/// anything: totals per tier, club and provider type, the budget it would take against what is left, and the
/// providers whose payout changes most.
public struct DryRunReport: Hashable, Sendable {
    public struct Group: Hashable, Sendable {
        public var name: String
        public var providers: Int64 = 0
        public var cash: Int64 = 0
        public var traffic: Int64 = 0
    }

    public struct Change: Hashable, Sendable {
        public var provider: ProviderID
        public var providerType: ProviderType
        public var published: Int64
        public var draft: Int64
        public var delta: Int64 { self.draft - self.published }
    }

    /// How many of the largest changes the report lists.
    public static let changesShown = 20

    public var program: ProgramID
    public var period: PeriodID
    public var publishedVersion: Int64?
    public var cash: Int64
    public var traffic: Int64
    public var cashRemaining: Int64
    public var trafficRemaining: Int64
    /// `nil` when the budget covers the draft; otherwise what its `over_budget` rule would do.
    public var overBudget: String?
    public var byTier: [Group]
    public var byClub: [Group]
    public var byType: [Group]
    public var changes: [Change]
}

extension Incentive {
    /// Computes what `document` would pay for `period` from `inputs`, beside what the published rules pay.
    /// - Throws: `INVALID_ARGUMENT` naming every violation of the draft by its path.
    public func dryRun(
        _ programID: ProgramID,
        period: PeriodID,
        document: String,
        inputs: [ScorecardInput],
        in sql: some SQLExecuting
    ) throws -> DryRunReport {
        let draft = try IncentiveError.checking { () throws(InvalidRequest) in
            try EntitlementRules.read(Array(document.utf8))
        }
        let program = try self.program(programID, in: sql)
        let published = try? self.rules(programID, for: period, in: sql)
        let history = try self.store.history(programID, period, in: sql)
        let batch = BatchID(program: programID, period: period, sequence: 1)
        let unlimited = BatchPlanner.Budget(cash: .max, traffic: .max)
        let sorted = inputs.sorted { $0.provider < $1.provider }
        let overflow = IncentiveError.invalidArgument([
            FieldViolation(field: "document", description: "the draft would pay more than 64 bits can count")
        ])
        // Against an unlimited budget a plan can only fail when its totals pass 64 bits.
        let drafted: [EntitlementLine]
        let current: [EntitlementLine]?
        do {
            drafted = try BatchPlanner.plan(
                batch,
                kind: .regular,
                rules: draft,
                inputs: sorted,
                history: history,
                budget: unlimited
            )
            current = try published.map {
                try BatchPlanner.plan(
                    batch,
                    kind: .regular,
                    rules: $0.rules,
                    inputs: sorted,
                    history: history,
                    budget: unlimited
                )
            }
        } catch {
            throw overflow
        }
        let cashLeft = try self.ledger.account(program.budget(.fen), in: sql)?.available ?? 0
        let trafficLeft = try self.ledger.account(program.budget(.impressions), in: sql)?.available ?? 0
        let wideCash = drafted.reduce(Int128(0)) { $0 + Int128($1.grant) }
        let wideTraffic = drafted.reduce(Int128(0)) { $0 + Int128($1.traffic) }
        guard wideCash <= Int128(Int64.max), wideTraffic <= Int128(Int64.max) else { throw overflow }
        let (cash, traffic) = (Int64(wideCash), Int64(wideTraffic))
        var overBudget: String?
        var short: [String] = []
        if cash > cashLeft { short.append("\(AmountText.yuan(cash - cashLeft)) of cash") }
        if traffic > trafficLeft { short.append("\(AmountText.count(traffic - trafficLeft)) impressions") }
        if !short.isEmpty {
            let over = [cash > cashLeft ? "payout" : nil, traffic > trafficLeft ? "traffic grant" : nil]
                .compactMap { $0 }.joined(separator: " and every ")
            overBudget =
                draft.overBudget == .fail
                ? "computing would fail: short by " + short.joined(separator: " and ")
                : "every \(over) would be scaled pro rata to what is left (short by \(short.joined(separator: " and ")))"
        }
        var before: [ProviderID: Int64] = [:]
        for line in current ?? [] { before[line.provider] = line.payout }
        var changes: [DryRunReport.Change] = []
        for line in drafted where line.payout != before[line.provider] ?? 0 {
            changes.append(
                DryRunReport.Change(
                    provider: line.provider,
                    providerType: line.providerType,
                    published: before[line.provider] ?? 0,
                    draft: line.payout
                )
            )
        }
        changes.sort { first, second in
            let (a, b) = (first.delta.magnitude, second.delta.magnitude)
            return a != b ? a > b : first.provider < second.provider
        }
        return DryRunReport(
            program: programID,
            period: period,
            publishedVersion: published?.version,
            cash: cash,
            traffic: traffic,
            cashRemaining: cashLeft,
            trafficRemaining: trafficLeft,
            overBudget: overBudget,
            byTier: Self.groups(drafted) { $0.tier },
            byClub: Self.groups(drafted) { $0.club ?? "" },
            byType: Self.groups(drafted) { $0.providerType.rawValue },
            changes: Array(changes.prefix(DryRunReport.changesShown))
        )
    }

    private static func groups(_ lines: [EntitlementLine], by name: (EntitlementLine) -> String) -> [DryRunReport.Group]
    {
        var groups: [String: DryRunReport.Group] = [:]
        for line in lines {
            var group = groups[name(line)] ?? DryRunReport.Group(name: name(line))
            group.providers += 1
            group.cash += line.grant
            group.traffic += line.traffic
            groups[group.name] = group
        }
        return groups.values.sorted { $0.name < $1.name }
    }
}
