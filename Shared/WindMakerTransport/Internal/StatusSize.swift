import WindMakerMessages

/// Encoded sizes of the envelope's status messages, computed from their fields without encoding them (a status
/// being fitted may be tens of megabytes).
enum StatusSize {
    /// Bytes of `value` as a varint.
    static func varint(_ value: UInt64) -> Int {
        var value = value
        var count = 1
        while value >= 0x80 {
            value >>= 7
            count += 1
        }
        return count
    }

    /// A length-delimited field of `length` bytes: tag (field numbers here are below 16), length, contents.
    static func field(_ length: Int) -> Int {
        1 + Self.varint(UInt64(length)) + length
    }

    /// A string or bytes field, which proto3 leaves out when empty.
    static func optionalField(_ length: Int) -> Int {
        length == 0 ? 0 : Self.field(length)
    }

    static func of(_ status: RPCV1.Status) -> Int {
        // An int32 is sign-extended to 64 bits on the wire, so a negative code takes 10 bytes.
        let code = status.code == 0 ? 0 : 1 + Self.varint(UInt64(bitPattern: Int64(status.code)))
        return code + Self.optionalField(status.message.utf8.count)
            + status.details.reduce(0) { $0 + Self.field(Self.of($1)) }
            + status.metadata.reduce(0) {
                $0 + Self.field(Self.optionalField($1.key.utf8.count) + Self.optionalField($1.value.utf8.count))
            }
    }

    static func of(_ detail: RPCV1.ErrorDetail) -> Int {
        Self.optionalField(detail.typeUrl.utf8.count) + Self.optionalField(detail.value.count)
    }
}
