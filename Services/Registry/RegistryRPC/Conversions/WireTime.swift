import WindMakerMessages
import WindMakerRegistry

/// Dates and instants on the wire.
enum WireTime {
    static func timestamp(_ value: Timestamp) -> CommonV1.Timestamp {
        CommonV1.Timestamp(unixMicros: value.microsecondsSinceEpoch)
    }

    static func timestamp(_ value: Timestamp?) -> CommonV1.Timestamp? {
        value.map { Self.timestamp($0) }
    }

    static func date(_ value: CivilDate) -> CommonV1.Date {
        CommonV1.Date(year: Int32(value.year), month: Int32(value.month), day: Int32(value.day))
    }

    /// A required date; a missing or impossible one is a violation naming `field`.
    static func date(_ value: CommonV1.Date?, field: String) throws(RegistryError) -> CivilDate {
        guard let value else { throw .invalidArgument([FieldViolation(field: field, description: "is required")]) }
        do {
            return try CivilDate(year: Int(value.year), month: Int(value.month), day: Int(value.day))
        } catch {
            throw .invalidArgument([FieldViolation(field: field, description: "\(error)")])
        }
    }

    /// An optional date: absent or all-zero (the proto3 default) means none.
    static func optionalDate(_ value: CommonV1.Date?, field: String) throws(RegistryError) -> CivilDate? {
        guard let value, value != CommonV1.Date() else { return nil }
        return try Self.date(value, field: field)
    }
}
