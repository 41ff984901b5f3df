// swift-tools-version:6.1
import PackageDescription

/// The same benchmark cases as `rpc-bench`, run against grpc-swift-2 (HTTP/2 over TLS), so the two can be compared
/// side by side on one machine. Not part of the main package or CI; see docs/BENCHMARKS.md. What is not about gRPC
/// (options, load loop, child server, JSON lines) comes from the main package's `BenchmarkSupport`.
let package = Package(
    name: "grpc-comparison",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "grpc-bench", targets: ["GRPCBench"])
    ],
    dependencies: [
        .package(name: "wind-maker", path: "../.."),
        .package(url: "https://github.com/grpc/grpc-swift-2", from: "2.4.3"),
        .package(url: "https://github.com/grpc/grpc-swift-nio-transport", from: "2.9.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .executableTarget(
            name: "GRPCBench",
            dependencies: [
                .product(name: "BenchmarkSupport", package: "wind-maker"),
                .product(name: "GRPCCore", package: "grpc-swift-2"),
                .product(name: "GRPCNIOTransportHTTP2", package: "grpc-swift-nio-transport"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ]
        )
    ]
)
