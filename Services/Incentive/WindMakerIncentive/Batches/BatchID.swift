public import WindMakerKit

/// A batch's id: its program, period and sequence number within them, `wm-2021h2.2021-07.1`. The first batch of a
/// period is 1; adjustments and recomputations after a rejection count on.
public struct BatchID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let program: ProgramID
    public let period: PeriodID
    public let sequence: Int64

    public init(program: ProgramID, period: PeriodID, sequence: Int64) {
        self.program = program
        self.period = period
        self.sequence = sequence
    }

    /// Reads `<program>.<YYYY-MM>.<sequence>`.
    /// - Throws: ``InvalidRequest`` naming `field`.
    public init(_ text: String, field: String = "batch_id") throws(InvalidRequest) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, let sequence = Int64(parts[2]), sequence > 0,
            let program = try? ProgramID(String(parts[0])), let period = try? PeriodID(String(parts[1]))
        else {
            throw InvalidRequest(field: field, "a batch id is <program>.<YYYY-MM>.<number>, e.g. wm-2021h2.2021-07.1")
        }
        self.init(program: program, period: period, sequence: sequence)
    }

    public static func < (lhs: BatchID, rhs: BatchID) -> Bool {
        (lhs.program, lhs.period, lhs.sequence) < (rhs.program, rhs.period, rhs.sequence)
    }

    public var description: String { "\(self.program).\(self.period).\(self.sequence)" }
}
