import ArgumentParser

/// What the child process serves.
enum ServerKind: String, CaseIterable, ExpressibleByArgument, Sendable {
    /// `windmaker.echo.v1.Echo` behind `WindMakerServer`: TLS, framing, calls, authorization.
    case rpc
    /// A length-prefixed echo straight on top of `OpenSSLHandler`: no RPC layer at all.
    case bare
}
