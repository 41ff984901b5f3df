internal import CWindMakerProtos

/// Temporary C memory for one encode: NUL-terminated string copies, byte copies, arrays and nested C messages.
///
/// Everything it hands out lives until `deallocateAll()`, which the encoder calls in a `defer`, also when a field
/// throws halfway through.
final class CArena {
    private var blocks: [UnsafeMutableRawPointer] = []

    deinit {
        self.deallocateAll()
    }

    func deallocateAll() {
        for block in self.blocks {
            block.deallocate()
        }
        self.blocks.removeAll()
    }

    private func allocate<T>(_: T.Type, count: Int) -> UnsafeMutablePointer<T> {
        let raw = UnsafeMutableRawPointer.allocate(
            byteCount: max(1, MemoryLayout<T>.stride * count),
            alignment: MemoryLayout<T>.alignment
        )
        self.blocks.append(raw)
        return raw.bindMemory(to: T.self, capacity: count)
    }

    /// A NUL-terminated copy of `value`.
    /// - Throws: `ProtoEncodingError` naming `field` when `value` contains NUL, which C strings cannot carry.
    func string(
        _ value: String,
        field: String,
        in message: String
    ) throws(ProtoEncodingError) -> UnsafeMutablePointer<CChar> {
        if value.utf8.contains(0) {
            throw ProtoEncodingError(messageName: message, reason: "string field \(field) contains NUL")
        }
        var value = value
        return value.withUTF8 { utf8 in
            let copy = self.allocate(CChar.self, count: utf8.count + 1)
            if let source = utf8.baseAddress, utf8.count > 0 {
                UnsafeMutableRawPointer(copy).copyMemory(from: source, byteCount: utf8.count)
            }
            copy[utf8.count] = 0
            return copy
        }
    }

    func bytes(_ value: [UInt8]) -> ProtobufCBinaryData {
        guard !value.isEmpty else { return ProtobufCBinaryData(len: 0, data: nil) }
        let copy = self.allocate(UInt8.self, count: value.count)
        copy.initialize(from: value, count: value.count)
        return ProtobufCBinaryData(len: value.count, data: copy)
    }

    /// A C array of `values` converted by `convert`, with its count, as protoc-c's `n_<field>` and `<field>`.
    func array<Value, C, E: Error>(
        _ values: [Value],
        _ convert: (Value) throws(E) -> C
    ) throws(E) -> (
        Int, UnsafeMutablePointer<C>?
    ) {
        guard !values.isEmpty else { return (0, nil) }
        let array = self.allocate(C.self, count: values.count)
        for (index, value) in values.enumerated() {
            (array + index).initialize(to: try convert(value))
        }
        return (values.count, array)
    }

    func array<Value>(_ values: [Value]) -> (Int, UnsafeMutablePointer<Value>?) {
        guard !values.isEmpty else { return (0, nil) }
        let array = self.allocate(Value.self, count: values.count)
        array.initialize(from: values, count: values.count)
        return (values.count, array)
    }

    func strings(
        _ values: [String],
        field: String,
        in message: String
    ) throws(ProtoEncodingError) -> (
        Int, UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?
    ) {
        try self.array(values) { (value) throws(ProtoEncodingError) in
            try self.string(value, field: field, in: message)
        }
    }

    /// An initialized C message filled from `message`, or nil for an unset message field.
    func message<M: CMessageBacked>(_ message: M?) throws(ProtoEncodingError) -> UnsafeMutablePointer<M.CMessage>? {
        guard let message else { return nil }
        return try self.cMessage(message)
    }

    func cMessage<M: CMessageBacked>(_ message: M) throws(ProtoEncodingError) -> UnsafeMutablePointer<M.CMessage> {
        let c = self.allocate(M.CMessage.self, count: 1)
        M.cInit(c)
        try message.fill(&c.pointee, arena: self)
        return c
    }

    func messages<M: CMessageBacked>(
        _ values: [M]
    ) throws(ProtoEncodingError) -> (
        Int, UnsafeMutablePointer<UnsafeMutablePointer<M.CMessage>?>?
    ) {
        try self.array(values) { (value) throws(ProtoEncodingError) in try self.cMessage(value) }
    }
}
