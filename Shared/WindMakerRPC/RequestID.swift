/// A request id: what one `grep` follows across services. The first caller sets it (`request-id` metadata); a
/// server that receives a call without one makes one; every call a handler makes passes its own call's id on.
public enum RequestID {
    /// 64 random bits as 16 lower-case hex digits.
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let hex = String(generator.next() as UInt64, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The id a new call carries: the one `metadata` sets, else the id of the call being handled, else a new one.
    static func forCall(_ metadata: Metadata) -> String {
        metadata[Metadata.Keys.requestID]
            ?? ServerContext.current?.requestMetadata[Metadata.Keys.requestID]
            ?? Self.generate()
    }
}
