/// Decimal numbers as exact integers of a fixed number of decimal places, read from and written as text: how
/// documents written by people (rulebooks, entitlement rules) carry rates and thresholds without floating point.
public enum DecimalText {
    /// Reads a decimal number written as text (`"1.25"`, `"-3"`, `"40"`) as an integer of `decimals` decimal places.
    /// - Returns: `nil` for more decimals than `decimals`, an exponent, or a value beyond 64 bits.
    public static func parse(_ text: String, decimals: Int) -> Int64? {
        var bytes = Array(text.utf8)
        var negative = false
        if bytes.first == UInt8(ascii: "-") {
            negative = true
            bytes.removeFirst()
        }
        let parts = bytes.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty else { return nil }
        let fraction = parts.count == 2 ? Array(parts[1]) : []
        guard parts.count == 1 || !fraction.isEmpty, fraction.count <= decimals else { return nil }
        var value: Int64 = 0
        for byte in Array(whole) + fraction + [UInt8](repeating: UInt8(ascii: "0"), count: decimals - fraction.count) {
            guard (48 ... 57).contains(byte) else { return nil }
            let (shifted, overflowA) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowB) = shifted.addingReportingOverflow(Int64(byte - 48))
            guard !overflowA && !overflowB else { return nil }
            value = sum
        }
        return negative ? -value : value
    }

    /// Writes `value` (with `decimals` decimal places) as text, without trailing zeros: 12500 with 4 → `"1.25"`.
    public static func format(_ value: Int64, decimals: Int) -> String {
        let negative = value < 0
        let magnitude = value.magnitude
        guard decimals > 0 else { return (negative ? "-" : "") + String(magnitude) }
        var divisor: UInt64 = 1
        for _ in 0 ..< decimals { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = String(magnitude % divisor)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return (negative ? "-" : "") + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
