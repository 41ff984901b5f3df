import ArgumentParser

/// What the child process serves.
enum ServerKind: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// `windmaker.echo.v1.Echo` behind `WindMakerServer`: TLS, framing, calls, authorization.
    case rpc
    /// The same with Prometheus bootstrapped as the server executables do, so every call also updates its metrics.
    case rpcMetrics = "rpc-metrics"
    /// A length-prefixed echo straight on top of `OpenSSLHandler`: no RPC layer at all.
    case bare
}
