import NIOCore
import WindMakerMessages
import WindMakerRPC

/// Conversions between the RPC core's types and the control messages of `windmaker.rpc.v1`.
enum Envelope {
    static func metadata(_ metadata: Metadata) -> [RPCV1.MetadataEntry] {
        metadata.entries.map { RPCV1.MetadataEntry(key: $0.key, value: $0.value) }
    }

    /// Metadata from the wire, or an error naming the first invalid key.
    static func metadata(_ entries: [RPCV1.MetadataEntry]) throws(RPCError) -> Metadata {
        var metadata = Metadata()
        for entry in entries {
            guard Metadata.isValidKey(entry.key) else {
                throw RPCError(.invalidArgument, "metadata key \"\(entry.key)\" is not lower-case [a-z0-9._-]{1,128}")
            }
            metadata.add(entry.key, entry.value)
        }
        return metadata
    }

    static func status(_ error: RPCError?, trailingMetadata: Metadata) -> RPCV1.Status {
        guard let error else {
            return RPCV1.Status(code: 0, message: "", details: [], metadata: Self.metadata(trailingMetadata))
        }
        var metadata = error.metadata
        for entry in trailingMetadata { metadata.add(entry.key, entry.value) }
        return RPCV1.Status(
            code: error.code.rawValue,
            message: error.message,
            details: error.details.map { RPCV1.ErrorDetail(typeUrl: $0.typeURL, value: $0.value) },
            metadata: Self.metadata(metadata)
        )
    }

    /// The call's outcome: nil for `OK` (with its trailing metadata), or the error.
    static func outcome(_ status: RPCV1.Status) -> (error: RPCError?, metadata: Metadata) {
        let metadata = (try? Self.metadata(status.metadata)) ?? Metadata()
        let code = RPCError.Code(wireValue: status.code)
        guard code != .ok else { return (nil, metadata) }
        let details = status.details.map { RPCErrorDetail(typeURL: $0.typeUrl, value: $0.value) }
        return (RPCError(code, status.message, details: details, metadata: metadata), metadata)
    }

    static func decode<M: ProtoMessage>(_ type: M.Type, from buffer: ByteBuffer) throws(ProtoDecodingError) -> M {
        try buffer.withUnsafeReadableBytes { (bytes) throws(ProtoDecodingError) -> M in
            try M(serializedBytes: bytes)
        }
    }
}
