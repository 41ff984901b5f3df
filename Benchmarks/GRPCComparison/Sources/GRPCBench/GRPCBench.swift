import ArgumentParser

/// `grpc-bench`: the cases of Wind Maker's `rpc-bench`, run against grpc-swift-2 over HTTP/2 with mutual TLS on
/// loopback, so the two can be compared side by side. See docs/BENCHMARKS.md in the main repository.
@main
struct GRPCBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grpc-bench",
        abstract: "Benchmark grpc-swift-2 unary calls on loopback; prints one JSON line per case.",
        subcommands: [DriverCommand.self, ServeCommand.self],
        defaultSubcommand: DriverCommand.self
    )
}
