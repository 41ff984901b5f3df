/// What an account counts: money in fen or traffic in impressions. A transfer moves one unit between two accounts of
/// that unit, never both.
public enum LedgerUnit: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case fen = "FEN"
    case impressions = "IMPRESSIONS"

    public var description: String { self.rawValue }
}
