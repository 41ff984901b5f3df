import Foundation

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

    /// Fen as yuan with thousands separators: `123456` → `¥1,234.56`, `-5` → `-¥0.05`.
    static func yuan(_ fen: Int64) -> String {
        let text = Self.decimal(fen, places: 2)
        let unsigned = text.hasPrefix("-") ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".")
        return (fen < 0 ? "-¥" : "¥") + Self.grouped(String(parts[0])) + "." + parts[1]
    }

    /// A count with thousands separators: `5000000` → `5,000,000`.
    static func count(_ value: Int64) -> String {
        (value < 0 ? "-" : "") + Self.grouped(String(value.magnitude))
    }

    /// Reads yuan as fen: `1234.56`, `1,234.5`, `¥1,000,000` (at most two decimals, not negative); `nil` otherwise.
    static func fen(fromYuan text: String) -> Int64? {
        var digits = text.replacingOccurrences(of: ",", with: "")
        if digits.hasPrefix("¥") { digits.removeFirst() }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = parts.first, !first.isEmpty, first.allSatisfy(\.isASCII), first.allSatisfy(\.isNumber),
            parts.count == 1
                || ((1 ... 2).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && $0.isNumber }),
            let whole = Int64(first)
        else { return nil }
        let fraction = parts.count == 2 ? String(parts[1]) : ""
        let cents = Int64(fraction + String(repeating: "0", count: 2 - fraction.count)) ?? 0
        let (scaled, overflow) = whole.multipliedReportingOverflow(by: 100)
        let (sum, overflowSum) = scaled.addingReportingOverflow(cents)
        return overflow || overflowSum ? nil : sum
    }

    /// Reads a count with optional thousands separators (`5,000,000`); `nil` otherwise.
    static func count(from text: String) -> Int64? {
        let digits = text.replacingOccurrences(of: ",", with: "")
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(digits)
    }

    private static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
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
