/// What one ingest call did with its facts: counts per outcome, and the first problems with their reasons.
public struct IngestOutcome: Hashable, Sendable {
    /// The most problems reported back; the counts cover all.
    public static let reportedProblems = 100

    /// New facts stored.
    public var accepted = 0
    /// Facts already stored under the same id with the same content: nothing changed.
    public var duplicate = 0
    /// Facts whose id is already stored with different content: not applied.
    public var conflict = 0
    /// Invalid facts: not stored.
    public var rejected = 0
    /// Accepted facts dated in a month whose period is already FINAL: kept for later windows only.
    public var late = 0
    /// The first ``reportedProblems`` rejections and conflicts, in the order the facts came.
    public var problems: [FactProblem] = []

    public init() {}

    /// The longest fact id and reason a problem repeats, in characters: a sender's bad input is not echoed whole.
    public static let reportedTextLength = 200

    /// Counts a rejection or conflict and keeps it, shortened, if there is room.
    mutating func report(_ problem: FactProblem) {
        var problem = problem
        problem.factID = Self.shortened(problem.factID)
        problem.reason = Self.shortened(problem.reason)
        switch problem.kind {
        case .rejected: self.rejected += 1
        case .conflict: self.conflict += 1
        }
        if self.problems.count < Self.reportedProblems {
            self.problems.append(problem)
        }
    }

    private static func shortened(_ text: String) -> String {
        guard text.count > Self.reportedTextLength else { return text }
        return String(text.prefix(Self.reportedTextLength)) + "… (\(text.utf8.count) bytes)"
    }

    /// Adds another call's or batch's outcome, keeping the first problems.
    public mutating func add(_ other: IngestOutcome) {
        self.accepted += other.accepted
        self.duplicate += other.duplicate
        self.late += other.late
        self.conflict += other.conflict
        self.rejected += other.rejected
        self.problems += other.problems.prefix(Self.reportedProblems - self.problems.count)
    }
}

/// One fact that was not applied, and why.
public struct FactProblem: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        case rejected = "REJECTED"
        case conflict = "CONFLICT"
    }

    public var kind: Kind
    /// The fact's position in the call, from 0.
    public var index: Int
    /// The id as sent (possibly invalid).
    public var factID: String
    /// The field at fault (`id` for a conflict).
    public var field: String
    public var reason: String

    public init(kind: Kind, index: Int, factID: String, field: String, reason: String) {
        self.kind = kind
        self.index = index
        self.factID = factID
        self.field = field
        self.reason = reason
    }
}
