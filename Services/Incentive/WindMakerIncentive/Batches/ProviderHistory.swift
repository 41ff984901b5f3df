/// What the ledger already holds for one provider in a program, which a new batch builds on.
public struct ProviderHistory: Hashable, Sendable {
    /// Cash earned in the program's other periods, in batches not rejected or expired (for the program cap), fen.
    public var earnedInProgram: Int64 = 0
    /// Carried forward from the provider's last paid line, fen.
    public var carriedForward: Int64 = 0
    /// Clawbacks owed and not yet deducted or earmarked by a live batch, fen.
    public var receivable: Int64 = 0
    /// What this period's posted lines already earned and granted (an adjustment pays the difference).
    public var earnedThisPeriod: Int64 = 0
    public var trafficThisPeriod: Int64 = 0
    /// The scorecard revision this period was last paid on; `nil` when it was not paid yet.
    public var paidRevision: Int64?

    public init() {}
}
