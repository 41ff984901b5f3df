internal import CWindMakerProtos

/// A walk over wire bytes that protobuf-c has already accepted, guided by its descriptors, looking for what the
/// unpacked C structs cannot show: a NUL inside a string field.
enum WireScan {
    /// The name of the first string field (at any depth) whose bytes contain NUL, or nil.
    static func stringFieldContainingNUL(
        _ bytes: UnsafeRawBufferPointer,
        _ descriptor: UnsafePointer<ProtobufCMessageDescriptor>
    ) -> String? {
        var offset = 0
        while offset < bytes.count {
            guard let key = Self.varint(bytes, &offset) else { return nil }
            switch key & 7 {
            case 0:
                guard Self.varint(bytes, &offset) != nil else { return nil }
            case 1:
                offset += 8
            case 5:
                offset += 4
            case 2:
                guard let length = Self.varint(bytes, &offset), length <= UInt64(bytes.count - offset) else {
                    return nil
                }
                let value = UnsafeRawBufferPointer(rebasing: bytes[offset ..< offset + Int(length)])
                offset += Int(length)
                guard key >> 3 <= UInt64(UInt32.max),
                    let field = protobuf_c_message_descriptor_get_field(descriptor, UInt32(key >> 3))
                else { continue }
                if field.pointee.type == PROTOBUF_C_TYPE_STRING, value.contains(0) {
                    return String(cString: field.pointee.name)
                }
                if field.pointee.type == PROTOBUF_C_TYPE_MESSAGE,
                    let nested = field.pointee.descriptor?.assumingMemoryBound(to: ProtobufCMessageDescriptor.self),
                    let name = Self.stringFieldContainingNUL(value, nested)
                {
                    return name
                }
            default:
                return nil
            }
        }
        return nil
    }

    private static func varint(_ bytes: UnsafeRawBufferPointer, _ offset: inout Int) -> UInt64? {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count, shift < 64 {
            let byte = bytes[offset]
            offset += 1
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
        return nil
    }
}
