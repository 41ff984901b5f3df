public import WindMakerKit

/// What an account counts: money in fen or traffic in impressions. A transfer moves one unit between two accounts of
/// that unit, never both.
public enum LedgerUnit: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    case fen = "FEN"
    case impressions = "IMPRESSIONS"

    public var description: String { self.rawValue }

    /// `amount` as people read it: yuan for fen (`¥1,234.56`), a count for impressions (`5,000 impressions`).
    public func text(_ amount: Int64) -> String {
        switch self {
        case .fen: AmountText.yuan(amount)
        case .impressions: "\(AmountText.count(amount)) impressions"
        }
    }
}
