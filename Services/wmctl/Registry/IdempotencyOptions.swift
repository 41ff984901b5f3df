import ArgumentParser
import WindMakerRPC

/// `--idempotency-key` for mutating commands: sent as `idempotency-key` metadata so a retry with the same key returns
/// the first answer instead of acting twice. Without the flag each invocation makes a fresh random key.
struct IdempotencyOptions: ParsableArguments {
    @Option(
        name: .customLong("idempotency-key"),
        help: "Key that makes a retried call safe (default: a fresh random key, shown with --json)."
    )
    var given: String?

    /// The flag for the key; the server names the metadata entry `idempotency-key`.
    static let flags = FlagNames(["idempotency-key": "--idempotency-key"])

    /// The key to send: the flag's, or a fresh random one. Call once per invocation.
    func resolvedKey() -> String {
        self.given ?? Self.randomKey()
    }

    /// The connection's call options carrying `key`; safe to retry because of it.
    static func callOptions(_ connection: ConnectionOptions, key: String) -> CallOptions {
        var options = connection.callOptions
        options.metadata.set("idempotency-key", key)
        options.isIdempotent = true
        return options
    }

    /// 128 random bits as 32 lower-case hex digits.
    static func randomKey() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0 ..< 2).map { _ in
            let hex = String(generator.next() as UInt64, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
