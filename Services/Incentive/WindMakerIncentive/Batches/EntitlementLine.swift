public import WindMakerKit

/// One provider's line in a batch: what it is owed, how that was worked out, and where it stands. Each line traces
/// to the scorecard it was computed from and the rules version, and its ledger transfers are named from its batch
/// and provider (``transferID(_:)``).
public struct EntitlementLine: Hashable, Sendable {
    /// Where a line stands; ``TransferState`` of its transfers follows it.
    public enum Status: String, Hashable, Sendable, CaseIterable {
        /// Reserved, waiting for the batch to be posted.
        case pending = "PENDING"
        /// Reserved, waiting for a suspended provider's reinstatement.
        case held = "HELD"
        /// Posted: locked, never rewritten.
        case paid = "PAID"
        /// Released: the batch was rejected or expired, or the provider was terminated.
        case voided = "VOIDED"
        /// Nothing to move: not eligible, or everything carried forward.
        case nothing = "NOTHING"

        /// Whether the line's pending transfers are still open.
        public var isOpen: Bool { self == .pending || self == .held }
    }

    /// The transfers a line may have.
    public enum Leg: String, Hashable, Sendable, CaseIterable {
        /// Budget → payable: the payout plus what settles a receivable (pending until posted).
        case grant
        /// Traffic budget → traffic grant (pending until posted).
        case traffic
        /// Payable → receivable when posted: a clawback deducted.
        case settle
        /// Payable → paid-out clearing when posted.
        case payout
        /// Receivable ← budget when an adjustment is posted: cash the provider owes back.
        case clawback
        /// Traffic grant → traffic budget when an adjustment is posted.
        case trafficBack = "traffic-back"
    }

    public var batch: BatchID
    public var provider: ProviderID
    public var providerType: ProviderType
    public var tier: String
    public var club: String?
    public var scorecardRevision: Int64
    public var rulebookVersion: Int64
    public var inputDigest: String
    public var status: Status
    /// Cash earned this period after floor, caps and any pro rata scaling (for an adjustment: the difference).
    public var earned: Int64 = 0
    public var carriedIn: Int64 = 0
    public var deducted: Int64 = 0
    /// Paid out to the provider.
    public var payout: Int64 = 0
    public var carryOut: Int64 = 0
    public var traffic: Int64 = 0
    public var clawback: Int64 = 0
    public var trafficClawback: Int64 = 0
    /// The arithmetic, step by step, for the statement.
    public var explanation: [String] = []

    public init(
        batch: BatchID,
        provider: ProviderID,
        providerType: ProviderType,
        tier: String,
        club: String?,
        scorecardRevision: Int64,
        rulebookVersion: Int64,
        inputDigest: String,
        status: Status
    ) {
        self.batch = batch
        self.provider = provider
        self.providerType = providerType
        self.tier = tier
        self.club = club
        self.scorecardRevision = scorecardRevision
        self.rulebookVersion = rulebookVersion
        self.inputDigest = inputDigest
        self.status = status
    }

    /// Whether the line moves anything through the ledger.
    public var moves: Bool { self.grant > 0 || self.traffic > 0 || self.clawback > 0 || self.trafficClawback > 0 }

    /// Cash the grant transfer takes from the budget: the payout and what settles a receivable.
    public var grant: Int64 { self.payout + self.deducted }

    /// The id of this line's transfer for `leg`: `<batch>:<provider>:<leg>`.
    public func transferID(_ leg: Leg) -> TransferID {
        try! TransferID("\(self.batch):\(self.provider):\(leg.rawValue)")
    }
}
