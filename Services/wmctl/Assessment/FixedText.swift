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

    static func yuan(_ fen: Int64) -> String { "¥" + Self.decimal(fen, places: 2) }

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
