/// A currency, by its ISO 4217 alphabetic code (`CNY`, `USD`).
///
/// Only the form of the code is checked, not that ISO has assigned it: the list changes, and a service only meets
/// the currencies its own configuration names.
///
/// ``Money`` counts every currency in hundredths of its major unit (fen, cents) and shows two decimals. A currency
/// whose minor unit is not a hundredth (JPY has none, KWD has thousandths) is not supported yet: its amounts would
/// print wrongly.
public struct Currency: Hashable, Sendable, CustomStringConvertible {
    /// The three-letter code, e.g. `CNY`.
    public let code: String

    /// Renminbi, the program's own currency.
    public static let cny = Currency(validCode: "CNY")

    /// Validates `code`: exactly three ASCII uppercase letters.
    /// - Throws: ``QuantityError`` with code `.invalidCurrency`, quoting the rejected text.
    public init(code: String) throws(QuantityError) {
        let letters = UInt8(ascii: "A") ... UInt8(ascii: "Z")
        // UTF-8 bytes rather than characters, so a non-ASCII letter or a combining mark cannot pass as one letter.
        guard code.utf8.count == 3, code.utf8.allSatisfy({ letters.contains($0) }) else {
            throw QuantityError(
                .invalidCurrency,
                "invalid currency code \(code.debugDescription): must be three uppercase ASCII letters (ISO 4217)"
            )
        }
        self.code = code
    }

    private init(validCode: String) {
        self.code = validCode
    }

    public var description: String { self.code }
}
