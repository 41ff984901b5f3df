/// Amounts as people read them in tables, statements and messages: fen as yuan with thousands separators
/// (`¥1,234.56`), counts with thousands separators (`5,000,000`). Exact for integers of any size given as decimal
/// text (a ledger's totals may pass 64 bits).
public enum AmountText {
    /// `123456` → `¥1,234.56`, `-5` → `-¥0.05`.
    public static func yuan(_ fen: Int64) -> String { Self.yuan(decimal: String(fen)) }

    /// Fen given as a decimal integer as yuan; text that is not a decimal integer comes back as it is.
    public static func yuan(decimal text: String) -> String {
        guard let (negative, digits) = Self.digits(text) else { return text }
        let padded = digits.count < 3 ? String(repeating: "0", count: 3 - digits.count) + digits : digits
        return (negative ? "-¥" : "¥") + Self.grouped(String(padded.dropLast(2))) + "." + padded.suffix(2)
    }

    /// `5000000` → `5,000,000`.
    public static func count(_ value: Int64) -> String { Self.count(decimal: String(value)) }

    /// A decimal integer with thousands separators; text that is not a decimal integer comes back as it is.
    public static func count(decimal text: String) -> String {
        guard let (negative, digits) = Self.digits(text) else { return text }
        return (negative ? "-" : "") + Self.grouped(digits)
    }

    private static func digits(_ text: String) -> (Bool, String)? {
        let negative = text.hasPrefix("-")
        let digits = String(negative ? text.dropFirst() : Substring(text))
        guard !digits.isEmpty, digits.utf8.allSatisfy({ (48 ... 57).contains($0) }) else { return nil }
        return (negative, digits)
    }

    private static func grouped(_ digits: String) -> String {
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }
}
