internal import CWindMakerProtos

/// A generated message that converts to and from its protoc-c struct; the shared encode/decode steps live here so
/// each generated type only says how its own fields convert.
protocol CMessageBacked: ProtoMessage {
    /// The protoc-c struct, e.g. `Windmaker__Common__V1__Money`.
    associatedtype CMessage

    /// Calls protoc-c's `<name>__init`, the function form of its `<NAME>__INIT` macro.
    static func cInit(_ message: UnsafeMutablePointer<CMessage>)

    /// Copies an unpacked C message into Swift values.
    init(c: CMessage) throws(ProtoDecodingError)

    /// Points the fields of an initialized C message at copies of this message's values, owned by `arena`.
    func fill(_ c: inout CMessage, arena: CArena) throws(ProtoEncodingError)
}

extension CMessageBacked {
    /// The protoc-c descriptor, read from a freshly initialized struct because Swift cannot take the address of the
    /// `const` global directly.
    static var cDescriptor: UnsafePointer<ProtobufCMessageDescriptor> {
        let message = UnsafeMutablePointer<CMessage>.allocate(capacity: 1)
        defer { message.deallocate() }
        Self.cInit(message)
        return UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self).pointee.descriptor
    }

    static func unpack(_ bytes: UnsafeRawBufferPointer) throws(ProtoDecodingError) -> Self {
        let descriptor = Self.cDescriptor
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        guard let unpacked = protobuf_c_message_unpack(descriptor, nil, bytes.count, data) else {
            throw ProtoDecodingError(messageName: Self.protoName, reason: "malformed or truncated protobuf")
        }
        defer { protobuf_c_message_free_unpacked(unpacked, nil) }
        // protobuf-c hands strings over NUL-terminated, which would silently cut "a\0b" to "a"; refuse instead.
        if let field = WireScan.stringFieldContainingNUL(bytes, descriptor) {
            throw ProtoDecodingError(messageName: Self.protoName, reason: "string field \(field) contains NUL")
        }
        let message = UnsafeRawPointer(unpacked).assumingMemoryBound(to: CMessage.self)
        return try Self(c: message.pointee)
    }

    func pack<Sink: ProtoByteSink>(into sink: inout Sink) throws(ProtoEncodingError) {
        let arena = CArena()
        defer { arena.deallocateAll() }
        let message = try arena.cMessage(self)
        let base = UnsafeRawPointer(message).assumingMemoryBound(to: ProtobufCMessage.self)
        let size = protobuf_c_message_get_packed_size(base)
        guard size > 0 else { return }
        sink.append(count: size) { buffer in
            let written = protobuf_c_message_pack(base, buffer.baseAddress!.assumingMemoryBound(to: UInt8.self))
            precondition(written == size, "protobuf-c packed \(written) bytes, expected \(size)")
        }
    }
}
