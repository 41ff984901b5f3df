import ArgumentParser

/// `rpc-bench`: measures Wind Maker RPC over mutual TLS on loopback against a bare length-prefixed echo over the
/// same TLS handler, so the RPC layer's own cost is visible. See docs/BENCHMARKS.md.
@main
struct RPCBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rpc-bench",
        abstract: "Benchmark unary RPC and a bare TLS echo on loopback; prints one JSON line per case.",
        subcommands: [DriverCommand.self, ServeCommand.self],
        defaultSubcommand: DriverCommand.self
    )
}
