import Foundation
import WindMakerKit

/// Fixed-point numbers from the wire as decimal text: scores in hundredths (`8512` → `85.12`), indicator values in
/// ten-thousandths (`15000` → `1.5`), fen as yuan (`12345` → `¥123.45`).
enum FixedText {
    static func decimal(_ value: Int64, places: Int) -> String {
        var divisor: Int64 = 1
        for _ in 0 ..< places { divisor *= 10 }
        let sign = value < 0 ? "-" : ""
        let magnitude = value.magnitude
        let whole = magnitude / UInt64(divisor)
        var fraction = String(magnitude % UInt64(divisor))
        fraction = String(repeating: "0", count: places - fraction.count) + fraction
        return places == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
    }

    static func score(_ hundredths: Int64) -> String { Self.decimal(hundredths, places: 2) }

    static func value(_ tenThousandths: Int64) -> String { Self.decimal(tenThousandths, places: 4) }

    static func yuan(_ fen: Int64) -> String { AmountText.yuan(fen) }

    static func yuan(decimal text: String) -> String { AmountText.yuan(decimal: text) }

    static func count(_ value: Int64) -> String { AmountText.count(value) }

    static func count(decimal text: String) -> String { AmountText.count(decimal: text) }

    /// Reads yuan as fen: `1234.56`, `1,234.5`, `¥1,000,000` (at most two decimals, not negative, commas only as
    /// thousands separators); `nil` otherwise.
    static func fen(fromYuan text: String) -> Int64? {
        var rest = Substring(text)
        if rest.hasPrefix("¥") { rest = rest.dropFirst() }
        let parts = rest.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Self.count(from: String(parts[0])) else { return nil }
        let fraction = parts.count == 2 ? parts[1] : ""
        guard
            parts.count == 1
                || ((1 ... 2).contains(fraction.count) && fraction.allSatisfy { $0.isASCII && $0.isNumber })
        else { return nil }
        let cents = Int64(fraction + String(repeating: "0", count: 2 - fraction.count)) ?? 0
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (sum, overflowSum) = scaled.addingReportingOverflow(cents)
        return overflow || overflowSum ? nil : sum
    }

    /// Reads a whole number, plain (`5000000`) or grouped by thousands (`5,000,000`); `nil` for anything else,
    /// `0,5` and `5,00,000` included.
    static func count(from text: String) -> Int64? {
        let groups = text.split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1 ... (groups.count == 1 ? 19 : 3)).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 }),
            groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } })
        else { return nil }
        return Int64(groups.joined())
    }

    /// Reads `1.5` as ten-thousandths (15000); `nil` for anything else, more than 4 decimals included.
    static func tenThousandths(_ text: String) -> Int64? {
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = Int64(parts[0]), parts.count == 1 || (1 ... 4).contains(parts[1].count),
            parts.count == 1 || parts[1].allSatisfy(\.isNumber)
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        guard let decimals = Int64(fraction + String(repeating: "0", count: 4 - fraction.count)) else { return nil }
        let (scaled, overflow) = whole.magnitude.multipliedReportingOverflow(by: 10_000)
        guard !overflow, scaled <= UInt64(Int64.max) - UInt64(decimals) else { return nil }
        let magnitude = Int64(scaled) + decimals
        return text.hasPrefix("-") ? -magnitude : magnitude
    }
}
