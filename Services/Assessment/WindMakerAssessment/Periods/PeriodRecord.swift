public import WindMakerKit

/// A period as stored: its state, the times of its steps, and what its last computation saw.
public struct PeriodRecord: Hashable, Sendable {
    public var period: PeriodID
    public var state: PeriodState
    public var rulebookVersion: Int?
    public var computedAt: Timestamp?
    public var publishedAt: Timestamp?
    /// Appeals are accepted until this instant.
    public var appealDeadline: Timestamp?
    public var finalizedAt: Timestamp?
    public var summary: PeriodComputation.Summary
    /// SHA-256 of the binding snapshot the scorecards were computed with.
    public var bindingsDigest: String

    /// A period nobody has computed yet.
    public static func open(_ period: PeriodID) -> PeriodRecord {
        PeriodRecord(period: period, state: .open, summary: PeriodComputation.Summary(), bindingsDigest: "")
    }

    public init(
        period: PeriodID,
        state: PeriodState,
        rulebookVersion: Int? = nil,
        computedAt: Timestamp? = nil,
        publishedAt: Timestamp? = nil,
        appealDeadline: Timestamp? = nil,
        finalizedAt: Timestamp? = nil,
        summary: PeriodComputation.Summary,
        bindingsDigest: String
    ) {
        self.period = period
        self.state = state
        self.rulebookVersion = rulebookVersion
        self.computedAt = computedAt
        self.publishedAt = publishedAt
        self.appealDeadline = appealDeadline
        self.finalizedAt = finalizedAt
        self.summary = summary
        self.bindingsDigest = bindingsDigest
    }
}
