public import WindMakerKit
public import WindMakerMessages

/// The one place money and traffic cross the wire: `CommonV1.Money` is fen plus an ISO 4217 code,
/// `CommonV1.TrafficImpressions` a count.
extension Money {
    /// The amount on the wire.
    public var wire: CommonV1.Money { CommonV1.Money(fen: self.minorUnits, currency: self.currency.code) }

    /// A required amount from a request; a missing one, or one whose currency is not a valid code, is a violation
    /// naming `field` (`budget.currency`, say).
    /// - Throws: ``InvalidRequest``.
    public static func required(_ value: CommonV1.Money?, field: String) throws(InvalidRequest) -> Money {
        guard let value else { throw InvalidRequest(field: field, "is required") }
        do {
            return Money(minorUnits: value.fen, currency: try Currency(code: value.currency))
        } catch {
            throw InvalidRequest(field: "\(field).currency", error.message)
        }
    }
}

extension Impressions {
    /// The count on the wire.
    public var wire: CommonV1.TrafficImpressions { CommonV1.TrafficImpressions(impressions: self.count) }

    /// A required count from a request; a missing one is a violation naming `field`.
    /// - Throws: ``InvalidRequest``.
    public static func required(
        _ value: CommonV1.TrafficImpressions?,
        field: String
    ) throws(InvalidRequest) -> Impressions {
        guard let value else { throw InvalidRequest(field: field, "is required") }
        return Impressions(value.impressions)
    }
}
