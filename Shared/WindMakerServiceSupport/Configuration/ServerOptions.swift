public import ArgumentParser
public import Logging
import WindMakerTLS

/// What every server executable is configured with: flags, each with a matching environment variable.
public struct ServerOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("listen"), help: "host:port to listen on (env WM_LISTEN).")
    public var listen: String?

    @Option(
        name: .customLong("log-level"),
        help: "trace, debug, info, notice, warning, error, critical (env WM_LOG_LEVEL)."
    )
    public var logLevel: String?

    @Option(
        name: .customLong("log-format"),
        help: "logfmt (one key=value line per record) or json (env WM_LOG_FORMAT; logfmt)."
    )
    public var logFormat: String?

    @Option(
        name: .customLong("idempotency-retention-hours"),
        help:
            "Hours an idempotency key is kept, answering retries with the first response (env WM_IDEMPOTENCY_RETENTION_HOURS; 168)."
    )
    public var idempotencyRetentionHours: Int?

    @Option(
        name: .customLong("metrics-listen"),
        help: "host:port to serve Prometheus metrics on over plain HTTP, or off (env WM_METRICS_LISTEN)."
    )
    public var metricsListen: String?

    @OptionGroup public var tls: TLSFileOptions

    @OptionGroup public var limits: ServerLimitOptions

    public init() {}

    /// The listen address: flag, else `WM_LISTEN`, else `defaultAddress`.
    /// - Throws: `ValidationError` when it is not `host:port`.
    public func listenAddress(default defaultAddress: ListenAddress) throws -> ListenAddress {
        guard let text = self.listen ?? Environment.value("WM_LISTEN") else { return defaultAddress }
        guard let address = ListenAddress(parsing: text) else {
            throw ValidationError("--listen must be host:port, got \"\(text)\"")
        }
        return address
    }

    /// Where to serve metrics: flag, else `WM_METRICS_LISTEN`, else `defaultAddress`; `nil` for `off`.
    /// - Throws: `ValidationError` when it is neither `host:port` nor `off`.
    public func metricsAddress(default defaultAddress: ListenAddress) throws -> ListenAddress? {
        guard let text = self.metricsListen ?? Environment.value("WM_METRICS_LISTEN") else { return defaultAddress }
        if text.lowercased() == "off" { return nil }
        guard let address = ListenAddress(parsing: text) else {
            throw ValidationError("--metrics-listen must be host:port or off, got \"\(text)\"")
        }
        return address
    }

    /// How long idempotency keys are kept: flag, else `WM_IDEMPOTENCY_RETENTION_HOURS`, else `defaultHours`.
    /// - Throws: ``StartupError`` for a value that is not a whole number of hours from 1 to 10 years' worth.
    public func idempotencyRetention(defaultHours: Int = 168) throws(StartupError) -> Duration {
        let text =
            self.idempotencyRetentionHours.map(String.init) ?? Environment.value("WM_IDEMPOTENCY_RETENTION_HOURS")
        guard let text else { return .seconds(defaultHours * 3600) }
        guard let hours = Int(text), (1 ... 87_600).contains(hours) else {
            throw StartupError(
                "--idempotency-retention-hours (or WM_IDEMPOTENCY_RETENTION_HOURS) must be a whole number of hours"
                    + " from 1 to 87600; got \"\(text)\""
            )
        }
        return .seconds(hours * 3600)
    }

    /// The log level: flag, else `WM_LOG_LEVEL`, else `info`.
    /// - Throws: ``StartupError`` naming the flag and the levels there are, for a name that is none of them.
    public func resolvedLogFormat() throws(StartupError) -> LogFormat {
        let name = self.logFormat ?? Environment.value("WM_LOG_FORMAT") ?? "logfmt"
        guard let format = LogFormat(rawValue: name.lowercased()) else {
            throw StartupError("--log-format (or WM_LOG_FORMAT) must be logfmt or json; got \"\(name)\"")
        }
        return format
    }

    public func resolvedLogLevel() throws(StartupError) -> Logger.Level {
        let name = self.logLevel ?? Environment.value("WM_LOG_LEVEL") ?? "info"
        guard let level = Logger.Level(rawValue: name.lowercased()) else {
            let levels = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw StartupError("--log-level (or WM_LOG_LEVEL) must be one of \(levels); got \"\(name)\"")
        }
        return level
    }
}
