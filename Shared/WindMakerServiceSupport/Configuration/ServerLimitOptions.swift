public import ArgumentParser
public import WindMakerTransport

/// The bounds on what peers can make a server hold, as flags with matching environment variables; unset ones keep
/// ``ServerConfiguration``'s defaults.
public struct ServerLimitOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("max-connections"), help: "Open connections at most (env WM_MAX_CONNECTIONS; 4096).")
    public var maximumConnections: Int?

    @Option(
        name: .customLong("max-handshakes"),
        help: "TLS handshakes in progress at most (env WM_MAX_HANDSHAKES; 256)."
    )
    public var maximumHandshakes: Int?

    @Option(
        name: .customLong("inbound-buffer-mib"),
        help: "MiB of unfinished frames all connections may hold together (env WM_INBOUND_BUFFER_MIB; 64)."
    )
    public var inboundBufferMiB: Int?

    @Option(
        name: .customLong("frame-timeout"),
        help: "Seconds a frame may take to arrive whole once it started (env WM_FRAME_TIMEOUT; 10)."
    )
    public var frameTimeoutSeconds: Int?

    @Option(
        name: .customLong("call-timeout"),
        help: "Seconds a call without a deadline may run (env WM_CALL_TIMEOUT; 300)."
    )
    public var callTimeoutSeconds: Int?

    @Option(
        name: .customLong("drain-timeout"),
        help:
            "Seconds in-flight calls may take to finish after SIGTERM before they are cut off (env WM_DRAIN_TIMEOUT; 30)."
    )
    public var drainTimeoutSeconds: Int?

    @Option(
        name: .customLong("call-window-kib"),
        help:
            "KiB of request frames a client-streaming call may have in flight (env WM_CALL_WINDOW_KIB; 1024, at least 64)."
    )
    public var callWindowKiB: Int?

    @Option(
        name: .customLong("off-loop-request-kib"),
        help:
            "Requests larger than this many KiB are decoded and handled off the network threads (env WM_OFF_LOOP_REQUEST_KIB; 64)."
    )
    public var offLoopRequestKiB: Int?

    public init() {}

    /// `base` with every limit that was given by flag or environment.
    /// - Throws: `ValidationError` naming the flag whose value is not a positive whole number.
    public func applied(to base: ServerConfiguration = ServerConfiguration()) throws -> ServerConfiguration {
        var configuration = base
        if let value = try Self.value(self.maximumConnections, "--max-connections", "WM_MAX_CONNECTIONS") {
            configuration.maximumConnections = value
        }
        if let value = try Self.value(self.maximumHandshakes, "--max-handshakes", "WM_MAX_HANDSHAKES") {
            configuration.maximumHandshakes = value
        }
        if let value = try Self.value(self.inboundBufferMiB, "--inbound-buffer-mib", "WM_INBOUND_BUFFER_MIB") {
            guard value <= 1 << 20 else { throw ValidationError("--inbound-buffer-mib must be at most 1048576") }
            configuration.inboundBufferBudget = value * 1024 * 1024
        }
        if let value = try Self.value(self.frameTimeoutSeconds, "--frame-timeout", "WM_FRAME_TIMEOUT") {
            configuration.frameReadTimeout = .seconds(value)
        }
        if let value = try Self.value(self.callTimeoutSeconds, "--call-timeout", "WM_CALL_TIMEOUT") {
            configuration.callTimeouts.default = .seconds(value)
        }
        if let value = try Self.value(self.callWindowKiB, "--call-window-kib", "WM_CALL_WINDOW_KIB") {
            guard (64 ... (1 << 21) - 1).contains(value) else {
                throw ValidationError("--call-window-kib must be from 64 to 2097151, got \(value)")
            }
            configuration.callReceiveWindow = value * 1024
        }
        if let value = try Self.value(self.offLoopRequestKiB, "--off-loop-request-kib", "WM_OFF_LOOP_REQUEST_KIB") {
            guard value <= 4096 else {
                throw ValidationError("--off-loop-request-kib must be at most 4096, got \(value)")
            }
            configuration.offLoopRequestBytes = value * 1024
        }
        if let value = try Self.value(self.drainTimeoutSeconds, "--drain-timeout", "WM_DRAIN_TIMEOUT") {
            configuration.shutdownGracePeriod = .seconds(value)
        }
        return configuration
    }

    private static func value(_ flag: Int?, _ name: String, _ variable: String) throws -> Int? {
        if let flag {
            guard flag > 0 else { throw ValidationError("\(name) must be a positive whole number, got \(flag)") }
            return flag
        }
        guard let text = Environment.value(variable) else { return nil }
        guard let value = Int(text), value > 0 else {
            throw ValidationError("\(variable) must be a positive whole number, got \"\(text)\"")
        }
        return value
    }
}
