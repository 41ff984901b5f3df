public import WindMakerKit

/// A proposed disbursement of one program and period: its lines reserve budget through pending transfers until
/// the batch is posted (paid) or rejected or expired (released).
public struct Batch: Hashable, Sendable {
    public var id: BatchID
    public var kind: BatchKind
    public var state: BatchState
    public var rulesVersion: Int64
    public var proposedBy: String
    public var proposedAt: Timestamp
    /// A proposal not approved by then expires.
    public var expiresAt: Timestamp
    public var approvedBy: String?
    public var approvedAt: Timestamp?
    /// Approval plus the rules' hold period: posting waits until then.
    public var postableAt: Timestamp?
    /// Who rejected the batch, or `system` for an expiry, and why.
    public var closedBy: String?
    public var closeReason: String?
    public var closedAt: Timestamp?
    public var postedAt: Timestamp?
    public var totals: BatchTotals

    public init(
        id: BatchID,
        kind: BatchKind,
        rulesVersion: Int64,
        proposedBy: String,
        proposedAt: Timestamp,
        expiresAt: Timestamp,
        totals: BatchTotals
    ) {
        self.id = id
        self.kind = kind
        self.state = .proposed
        self.rulesVersion = rulesVersion
        self.proposedBy = proposedBy
        self.proposedAt = proposedAt
        self.expiresAt = expiresAt
        self.totals = totals
    }
}

/// What a batch moves, summed over its lines.
public struct BatchTotals: Hashable, Sendable {
    public var lines: Int64 = 0
    /// Cash taken from the budget (payouts plus what settles receivables), fen.
    public var cash: Int64 = 0
    public var traffic: Int64 = 0
    /// Cash clawed back into receivables (adjustments), fen.
    public var clawback: Int64 = 0
    public var trafficClawback: Int64 = 0
    /// Carried forward below the payout minimum, fen.
    public var carried: Int64 = 0

    public init() {}

    /// Adds `line`. Cash and traffic stay within the budget a batch was fitted to; the other sums, bounded only by
    /// the rules' limits per provider, stop at the largest 64-bit value rather than overflow.
    public mutating func add(_ line: EntitlementLine) {
        self.lines += 1
        self.cash = Self.sum(self.cash, line.grant)
        self.traffic = Self.sum(self.traffic, line.traffic)
        self.clawback = Self.sum(self.clawback, line.clawback)
        self.trafficClawback = Self.sum(self.trafficClawback, line.trafficClawback)
        self.carried = Self.sum(self.carried, line.carryOut)
    }

    private static func sum(_ total: Int64, _ amount: Int64) -> Int64 {
        let (sum, overflow) = total.addingReportingOverflow(amount)
        return overflow ? .max : sum
    }
}
