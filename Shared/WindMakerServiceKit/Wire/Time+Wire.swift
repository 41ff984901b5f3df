public import WindMakerKit
public import WindMakerMessages

extension Timestamp {
    /// The instant on the wire.
    public var wire: CommonV1.Timestamp { CommonV1.Timestamp(unixMicros: self.microsecondsSinceEpoch) }

    /// An instant from the wire (any `int64` of microseconds is one).
    public init(wire: CommonV1.Timestamp) {
        self.init(microsecondsSinceEpoch: wire.unixMicros)
    }
}

extension CivilDate {
    /// The date on the wire.
    public var wire: CommonV1.Date {
        CommonV1.Date(year: Int32(self.year), month: Int32(self.month), day: Int32(self.day))
    }

    /// A required date from a request; a missing or impossible one is a violation naming `field`.
    /// - Throws: ``InvalidRequest``.
    public static func required(_ value: CommonV1.Date?, field: String) throws(InvalidRequest) -> CivilDate {
        guard let value else { throw InvalidRequest(field: field, "is required") }
        do {
            return try CivilDate(year: Int(value.year), month: Int(value.month), day: Int(value.day))
        } catch {
            throw InvalidRequest(field: field, "\(error)")
        }
    }

    /// An optional date from a request: absent or all-zero (the proto3 default) means none.
    /// - Throws: ``InvalidRequest`` naming `field` for an impossible date.
    public static func optional(_ value: CommonV1.Date?, field: String) throws(InvalidRequest) -> CivilDate? {
        guard let value, value != CommonV1.Date() else { return nil }
        return try Self.required(value, field: field)
    }
}
