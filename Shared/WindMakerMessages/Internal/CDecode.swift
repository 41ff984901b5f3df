internal import CWindMakerProtos

/// Copies values out of an unpacked protoc-c message before `protobuf_c_message_free_unpacked` frees it.
enum CDecode {
    /// - Throws: `ProtoDecodingError` naming `field` when the bytes are not valid UTF-8.
    static func string(
        _ pointer: UnsafeMutablePointer<CChar>?,
        field: String,
        in message: String
    ) throws(ProtoDecodingError) -> String {
        guard let pointer else { return "" }
        guard let string = String(validatingCString: pointer) else {
            throw ProtoDecodingError(messageName: message, reason: "string field \(field) is not valid UTF-8")
        }
        return string
    }

    static func bytes(_ data: ProtobufCBinaryData) -> [UInt8] {
        guard let start = data.data, data.len > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: start, count: data.len))
    }

    static func array<C>(_ pointer: UnsafeMutablePointer<C>?, count: Int) -> [C] {
        guard let pointer, count > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    static func array<C, Value>(_ pointer: UnsafeMutablePointer<C>?, count: Int, _ convert: (C) -> Value) -> [Value] {
        guard let pointer, count > 0 else { return [] }
        return UnsafeBufferPointer(start: pointer, count: count).map(convert)
    }

    static func strings(
        _ pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
        count: Int,
        field: String,
        in message: String
    ) throws(ProtoDecodingError) -> [String] {
        guard let pointer, count > 0 else { return [] }
        var strings: [String] = []
        strings.reserveCapacity(count)
        for element in UnsafeBufferPointer(start: pointer, count: count) {
            strings.append(try Self.string(element, field: field, in: message))
        }
        return strings
    }

    static func message<M: CMessageBacked>(
        _ pointer: UnsafeMutablePointer<M.CMessage>?
    ) throws(ProtoDecodingError) -> M? {
        guard let pointer else { return nil }
        return try M(c: pointer.pointee)
    }

    static func messages<M: CMessageBacked>(
        _ pointer: UnsafeMutablePointer<UnsafeMutablePointer<M.CMessage>?>?,
        count: Int
    ) throws(ProtoDecodingError) -> [M] {
        guard let pointer, count > 0 else { return [] }
        var messages: [M] = []
        messages.reserveCapacity(count)
        for element in UnsafeBufferPointer(start: pointer, count: count) {
            if let message: M = try Self.message(element) {
                messages.append(message)
            }
        }
        return messages
    }
}

extension ProtoEnum {
    /// The Swift case for a protoc-c enum value (any number, known or not).
    init<C: RawRepresentable>(cEnum: C) where C.RawValue: FixedWidthInteger {
        self.init(rawValue: Int32(truncatingIfNeeded: cEnum.rawValue))
    }

    /// The protoc-c enum value for this case; imported C enums accept every raw value, so the `!` cannot trap.
    func cEnum<C: RawRepresentable>() -> C where C.RawValue: FixedWidthInteger {
        C(rawValue: C.RawValue(truncatingIfNeeded: self.rawValue))!
    }
}
