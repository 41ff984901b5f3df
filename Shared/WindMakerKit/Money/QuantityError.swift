/// Why an amount of money or traffic could not be made or computed.
///
/// ``Money`` and ``Impressions`` never wrap and never mix currencies: an operation that would refuses with this
/// error instead. The message names the operands in words, for logs; a caller maps the code onto its own error in
/// one place, e.g. an overflow from a client's figures onto `INVALID_ARGUMENT`.
///
/// ```swift
/// do {
///     total = try total.adding(amount)
/// } catch let error where error.code == .currencyMismatch {
///     // error.description: "cannot add 1.00 USD to 5.00 CNY: the currencies differ"
/// }
/// ```
public struct QuantityError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public var code: Code
    /// What happened, naming the operands, e.g. "cannot add 1.00 USD to 5.00 CNY: the currencies differ".
    public var message: String

    /// Creates an error; the kit makes these, store fakes and tests may too.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }

    /// The kinds of failure callers tell apart.
    public enum Code: Hashable, Sendable {
        /// The exact result does not fit in 64 bits.
        case overflow
        /// The amounts are in different currencies, which have no sum and no order.
        case currencyMismatch
        /// A currency code is not three uppercase ASCII letters.
        case invalidCurrency
    }
}
