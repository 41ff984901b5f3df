public import ArgumentParser
import WindMakerTLS

/// What every server executable is configured with: flags, each with a matching environment variable.
public struct ServerOptions: ParsableArguments, Sendable {
    @Option(name: .customLong("listen"), help: "host:port to listen on (env WM_LISTEN).")
    public var listen: String?

    @Option(name: .customLong("log-level"), help: "trace, debug, info, notice, warning, error (env WM_LOG_LEVEL).")
    public var logLevel: String?

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

    /// The log level name: flag, else `WM_LOG_LEVEL`, else `info`.
    public var resolvedLogLevel: String { self.logLevel ?? Environment.value("WM_LOG_LEVEL") ?? "info" }
}
