// swift-tools-version:6.1
import PackageDescription

/// Every Swift target is built the same way: Swift 6 mode, existentials spelled `any`, imports internal unless
/// marked otherwise (see docs/ARCHITECTURE.md).
let strictSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let nioCore: Target.Dependency = .product(name: "NIOCore", package: "swift-nio")
let nioPosix: Target.Dependency = .product(name: "NIOPosix", package: "swift-nio")
let nioEmbedded: Target.Dependency = .product(name: "NIOEmbedded", package: "swift-nio")
let logging: Target.Dependency = .product(name: "Logging", package: "swift-log")
let lifecycle: Target.Dependency = .product(name: "ServiceLifecycle", package: "swift-service-lifecycle")
let argumentParser: Target.Dependency = .product(name: "ArgumentParser", package: "swift-argument-parser")
let coreMetrics: Target.Dependency = .product(name: "CoreMetrics", package: "swift-metrics")
let metrics: Target.Dependency = .product(name: "Metrics", package: "swift-metrics")
let prometheus: Target.Dependency = .product(name: "Prometheus", package: "swift-prometheus")
let nioHTTP1: Target.Dependency = .product(name: "NIOHTTP1", package: "swift-nio")

let package = Package(
    name: "wind-maker",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wmctl", targets: ["wmctl"]),
        .executable(name: "wm-echo", targets: ["wm-echo"]),
        .executable(name: "registry", targets: ["registry"]),
        .executable(name: "assessment", targets: ["assessment"]),
        .executable(name: "incentive", targets: ["incentive"]),
        .executable(name: "rpc-bench", targets: ["RPCBench"]),
        .executable(name: "registry-bench", targets: ["RegistryBench"]),
        .executable(name: "assessment-bench", targets: ["AssessmentBench"]),
        .executable(name: "incentive-bench", targets: ["IncentiveBench"]),
        .library(name: "BenchmarkSupport", targets: ["BenchmarkSupport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    ],
    targets: [
        // Generated C (protoc-c) for every proto in Protos/; regenerate with scripts/generate-protos.
        .target(
            name: "CWindMakerProtos",
            path: "Shared/CWindMakerProtos",
            linkerSettings: [.linkedLibrary("protobuf-c")]
        ),
        // Swift value types generated from the same protos, converting through protobuf-c.
        .target(
            name: "WindMakerMessages",
            dependencies: ["CWindMakerProtos"],
            path: "Shared/WindMakerMessages",
            swiftSettings: strictSettings
        ),
        // The RPC core: descriptors, router, context, interceptors, errors. No NIO.
        .target(
            name: "WindMakerRPC",
            dependencies: ["WindMakerMessages", logging],
            path: "Shared/WindMakerRPC",
            swiftSettings: strictSettings
        ),
        // Generated from the services in Protos/: method descriptors, server protocols, typed clients.
        .target(
            name: "WindMakerServiceAPI",
            dependencies: ["WindMakerRPC", "WindMakerMessages"],
            path: "Shared/WindMakerServiceAPI",
            swiftSettings: strictSettings
        ),
        // The wire: framing, call multiplexing, connection lifecycle on SwiftNIO.
        .target(
            name: "WindMakerTransport",
            dependencies: ["WindMakerRPC", "WindMakerMessages", nioCore, nioPosix, logging, coreMetrics],
            path: "Shared/WindMakerTransport",
            swiftSettings: strictSettings
        ),
        // Function-like OpenSSL macros as static inline functions, so Swift can call them.
        .target(
            name: "CWindMakerOpenSSL",
            path: "Shared/CWindMakerOpenSSL",
            linkerSettings: [.linkedLibrary("ssl"), .linkedLibrary("crypto")]
        ),
        // TLS 1.3 with mutual authentication, driving system OpenSSL through memory BIOs.
        .target(
            name: "WindMakerTLS",
            dependencies: [
                "CWindMakerOpenSSL", "WindMakerTransport", "WindMakerRPC", nioCore, nioPosix, logging, coreMetrics,
            ],
            path: "Shared/WindMakerTLS",
            swiftSettings: strictSettings
        ),
        // What every server and client process shares: bootstrap, health, method listing, configuration.
        .target(
            name: "WindMakerServiceSupport",
            dependencies: [
                "WindMakerTLS", "WindMakerTransport", "WindMakerServiceAPI", "WindMakerRPC", "WindMakerMessages",
                "WindMakerKit", "WindMakerStorage", "WindMakerPostgres", nioCore, nioPosix, nioHTTP1, logging,
                lifecycle,
                argumentParser, coreMetrics, metrics,
                prometheus, .product(name: "UnixSignals", package: "swift-service-lifecycle"),
            ],
            path: "Shared/WindMakerServiceSupport",
            swiftSettings: strictSettings
        ),
        // Domain primitives every service shares: money, traffic, and (next) dates, identifiers, page tokens. No NIO, no SQLite.
        .target(name: "WindMakerKit", path: "Shared/WindMakerKit", swiftSettings: strictSettings),
        // libpq (Debian libpq-dev), wrapped by WindMakerPostgres only.
        .systemLibrary(name: "CLibPQ", path: "Shared/CLibPQ", pkgConfig: "libpq"),
        // PostgreSQL as a store engine (docs/SCALE-OUT.md): connections over libpq with the storage module's rows,
        // values and errors.
        .target(
            name: "WindMakerPostgres",
            dependencies: ["CLibPQ", "WindMakerStorage"],
            path: "Shared/WindMakerPostgres",
            swiftSettings: strictSettings
        ),
        // SQLite (Debian libsqlite3-dev), wrapped by WindMakerStorage only.
        .systemLibrary(name: "CSQLite", path: "Shared/CSQLite", pkgConfig: "sqlite3"),
        // Embedded storage: SQLite connections (WAL, synchronous=FULL), statements, transactions, group-committed
        // writes, migrations.
        .target(
            name: "WindMakerStorage",
            dependencies: ["CSQLite"],
            path: "Shared/WindMakerStorage",
            swiftSettings: strictSettings
        ),
        // What every service's store shares: the kit's primitives in rows, idempotency keys stored with the change.
        .target(
            name: "WindMakerStoreKit",
            dependencies: ["WindMakerKit", "WindMakerStorage"],
            path: "Shared/WindMakerStoreKit",
            swiftSettings: strictSettings
        ),
        // What every service adapter shares: violations as BadRequest, the call plumbing (storage thread, idempotent
        // writes, clock, error to status), pruning idempotency keys, and the kit's primitives on the wire.
        .target(
            name: "WindMakerServiceKit",
            dependencies: [
                "WindMakerKit", "WindMakerStoreKit", "WindMakerStorage", "WindMakerRPC", "WindMakerMessages", logging,
                lifecycle,
            ],
            path: "Shared/WindMakerServiceKit",
            swiftSettings: strictSettings
        ),
        // The registry's domain: providers, lifecycle, invitations, bindings, attribution. No NIO, no OpenSSL.
        .target(
            name: "WindMakerRegistry",
            dependencies: ["WindMakerKit", "WindMakerStoreKit", "WindMakerStorage"],
            path: "Services/Registry/WindMakerRegistry",
            swiftSettings: strictSettings
        ),
        // The assessment's domain: facts, the rulebook, scoring, attribution, periods, appeals and their store.
        .target(
            name: "WindMakerAssessment",
            dependencies: ["WindMakerKit", "WindMakerStoreKit", "WindMakerStorage"],
            path: "Services/Assessment/WindMakerAssessment",
            resources: [.embedInCode("Resources/default-rulebook.json")],
            swiftSettings: strictSettings
        ),
        // The incentive service's domain: the double-entry ledger first (docs/INCENTIVE.md has the plan).
        .target(
            name: "WindMakerIncentive",
            dependencies: ["WindMakerKit", "WindMakerStoreKit", "WindMakerStorage"],
            path: "Services/Incentive/WindMakerIncentive",
            swiftSettings: strictSettings
        ),
        // The assessment over RPC: the service adapter, wire conversions, the access table, the registry client.
        .target(
            name: "AssessmentRPC",
            dependencies: [
                "WindMakerAssessment", "WindMakerKit", "WindMakerStorage", "WindMakerServiceKit", "WindMakerMessages",
                "WindMakerRPC", "WindMakerServiceAPI", "WindMakerServiceSupport",
            ],
            path: "Services/Assessment/AssessmentRPC",
            swiftSettings: strictSettings
        ),
        // The incentive service over RPC: the adapter, wire conversions, the access table, the upstream clients.
        .target(
            name: "IncentiveRPC",
            dependencies: [
                "WindMakerIncentive", "WindMakerKit", "WindMakerStorage", "WindMakerServiceKit", "WindMakerMessages",
                "WindMakerRPC", "WindMakerServiceAPI", "WindMakerServiceSupport", logging, lifecycle,
            ],
            path: "Services/Incentive/IncentiveRPC",
            swiftSettings: strictSettings
        ),
        // The registry over RPC: the service adapter, conversions between the wire and the domain, the access table.
        .target(
            name: "RegistryRPC",
            dependencies: [
                "WindMakerRegistry", "WindMakerServiceKit", "WindMakerKit", "WindMakerStorage", "WindMakerRPC",
                "WindMakerMessages", "WindMakerServiceAPI", "WindMakerServiceSupport", logging,
            ],
            path: "Services/Registry/RegistryRPC",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "registry",
            dependencies: [
                "RegistryRPC", "WindMakerRegistry", "WindMakerServiceKit", "WindMakerStorage",
                "WindMakerServiceSupport", argumentParser,
                lifecycle, logging,
            ],
            path: "Services/Registry/registry",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "assessment",
            dependencies: [
                "AssessmentRPC", "WindMakerAssessment", "WindMakerKit", "WindMakerRPC", "WindMakerServiceKit",
                "WindMakerStorage", "WindMakerServiceSupport", "WindMakerTLS", "WindMakerTransport", argumentParser,
                lifecycle, logging,
            ],
            path: "Services/Assessment/assessment",
            swiftSettings: strictSettings
        ),
        // The incentive server: reconciles its ledger, then serves over mutual TLS.
        .executableTarget(
            name: "incentive",
            dependencies: [
                "IncentiveRPC", "WindMakerIncentive", "WindMakerKit", "WindMakerRPC", "WindMakerServiceKit",
                "WindMakerStorage", "WindMakerServiceSupport", "WindMakerTransport", argumentParser, logging,
            ],
            path: "Services/Incentive/incentive",
            swiftSettings: strictSettings
        ),
        // A small echo service: the integration tests' and the benchmark's server.
        .target(
            name: "WindMakerEcho",
            dependencies: ["WindMakerServiceSupport", "WindMakerServiceAPI", "WindMakerRPC", "WindMakerMessages"],
            path: "Services/Echo/WindMakerEcho",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "wm-echo",
            dependencies: ["WindMakerEcho", "WindMakerServiceSupport", argumentParser, lifecycle, logging],
            path: "Services/Echo/wm-echo",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "wmctl",
            dependencies: [
                "WindMakerServiceSupport", "WindMakerServiceKit", "WindMakerKit", "WindMakerServiceAPI", "WindMakerRPC",
                "WindMakerMessages", "WindMakerStorage", "WindMakerRegistry", "WindMakerAssessment",
                "WindMakerIncentive",
                "WindMakerPostgres", argumentParser, logging,
            ],
            path: "Services/wmctl",
            swiftSettings: strictSettings
        ),
        // What every benchmark driver shares, whatever it measures: options, load loop, child server, JSON lines.
        // Also used by Benchmarks/GRPCComparison.
        .target(
            name: "BenchmarkSupport",
            dependencies: [argumentParser],
            path: "Benchmarks/BenchmarkSupport",
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "RPCBench",
            dependencies: [
                "BenchmarkSupport", "WindMakerEcho", "WindMakerServiceAPI", "WindMakerServiceSupport", "WindMakerTLS",
                "WindMakerTransport",
                "WindMakerRPC", "WindMakerMessages", nioCore, nioPosix, logging, argumentParser,
            ],
            path: "Benchmarks/RPCBench",
            swiftSettings: strictSettings
        ),
        // The registry's domain API on a temp-file SQLite database: applications+approvals/s, attribution lookups/s.
        .executableTarget(
            name: "RegistryBench",
            dependencies: [
                "WindMakerRegistry", "WindMakerKit", "WindMakerStorage", "BenchmarkSupport", "RegistryRPC",
                "WindMakerServiceSupport",
                "WindMakerTLS", "WindMakerTransport", "WindMakerRPC", "WindMakerServiceAPI", "WindMakerMessages",
                nioCore, nioPosix, logging, argumentParser,
            ],
            path: "Benchmarks/RegistryBench",
            swiftSettings: strictSettings
        ),
        // The assessment: ingest facts/s over mutual TLS from another process, and one period's computation.
        .executableTarget(
            name: "AssessmentBench",
            dependencies: [
                "BenchmarkSupport", "WindMakerPostgres", "AssessmentRPC", "WindMakerAssessment", "WindMakerKit",
                "WindMakerStorage",
                "WindMakerServiceKit", "WindMakerServiceAPI", "WindMakerServiceSupport", "WindMakerTLS",
                "WindMakerTransport", "WindMakerRPC", "WindMakerMessages", nioPosix, logging, argumentParser,
            ],
            path: "Benchmarks/AssessmentBench",
            swiftSettings: strictSettings
        ),
        // The incentive: transfers posted/s over mutual TLS, reconciliation, and one period with all three services.
        .executableTarget(
            name: "IncentiveBench",
            dependencies: [
                "BenchmarkSupport", "IncentiveRPC", "WindMakerIncentive", "AssessmentRPC", "WindMakerAssessment",
                "RegistryRPC", "WindMakerRegistry", "WindMakerKit", "WindMakerStorage", "WindMakerServiceKit",
                "WindMakerServiceAPI", "WindMakerServiceSupport", "WindMakerTLS", "WindMakerTransport", "WindMakerRPC",
                "WindMakerMessages", "WindMakerPostgres", logging, argumentParser,
            ],
            path: "Benchmarks/IncentiveBench",
            swiftSettings: strictSettings
        ),

        // Test doubles and fixtures shared by the test targets (dev certificates, process launcher).
        .target(
            name: "WindMakerTestSupport",
            dependencies: [
                "WindMakerServiceSupport", "WindMakerTLS", "WindMakerTransport", "WindMakerRPC", "WindMakerMessages",
                "WindMakerStorage", "WindMakerPostgres", nioCore, nioPosix, logging,
            ],
            path: "Tests/WindMakerTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerMessagesTests",
            dependencies: ["WindMakerMessages"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerRPCTests",
            dependencies: ["WindMakerTestSupport", "WindMakerRPC", "WindMakerMessages", logging],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerTransportTests",
            dependencies: ["WindMakerTransport", "WindMakerRPC", "WindMakerMessages", nioCore, nioEmbedded],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerTLSTests",
            dependencies: ["WindMakerTLS", "WindMakerTestSupport", nioCore, nioPosix, nioEmbedded, logging],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerKitTests",
            dependencies: ["WindMakerKit"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerStoreKitTests",
            dependencies: ["WindMakerTestSupport", "WindMakerStoreKit", "WindMakerKit", "WindMakerStorage"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerServiceKitTests",
            dependencies: [
                "WindMakerTestSupport",
                "WindMakerServiceKit", "WindMakerKit", "WindMakerStoreKit", "WindMakerStorage", "WindMakerRPC",
                "WindMakerMessages", logging,
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerStorageTests",
            dependencies: ["WindMakerTestSupport", "WindMakerStorage"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerRegistryTests",
            dependencies: [
                "WindMakerTestSupport", "WindMakerRegistry", "WindMakerKit", "WindMakerStoreKit", "WindMakerStorage",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerAssessmentTests",
            dependencies: [
                "WindMakerTestSupport", "WindMakerAssessment", "WindMakerKit", "WindMakerStoreKit", "WindMakerStorage",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerIncentiveTests",
            dependencies: ["WindMakerIncentive", "WindMakerKit", "WindMakerStorage", "WindMakerTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IncentiveRPCTests",
            dependencies: [
                "IncentiveRPC", "WindMakerIncentive", "WindMakerKit", "WindMakerRPC", "WindMakerServiceAPI",
                "WindMakerMessages", "WindMakerTestSupport", "WindMakerStorage",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "AssessmentRPCTests",
            dependencies: [
                "AssessmentRPC", "WindMakerAssessment", "WindMakerKit", "WindMakerRPC", "WindMakerServiceAPI",
                "WindMakerServiceSupport", "WindMakerMessages", "WindMakerTestSupport", "WindMakerStorage",
                "WindMakerServiceKit",
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "RegistryRPCTests",
            dependencies: [
                "WindMakerTestSupport",
                "RegistryRPC", "WindMakerRegistry", "WindMakerKit", "WindMakerServiceKit", "WindMakerStorage",
                "WindMakerMessages", "WindMakerServiceAPI",
                "WindMakerRPC", "WindMakerServiceSupport", logging,
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "WindMakerServiceSupportTests",
            dependencies: [
                "WindMakerTestSupport", "WindMakerServiceSupport", "WindMakerTransport", "WindMakerRPC",
                "WindMakerMessages", "WindMakerServiceAPI", logging, argumentParser,
            ],
            swiftSettings: strictSettings
        ),
        // The PostgreSQL engine against a throwaway cluster (scripts/pg-test-cluster).
        .testTarget(
            name: "WindMakerPostgresTests",
            dependencies: [
                "WindMakerPostgres", "WindMakerStorage", "WindMakerStoreKit", "WindMakerRegistry",
                "WindMakerAssessment", "WindMakerIncentive", "WindMakerTestSupport",
            ],
            swiftSettings: strictSettings
        ),
        // wmctl's printing and argument handling, through `@testable import` of the executable's module.
        .testTarget(
            name: "WmctlTests",
            dependencies: ["wmctl", "WindMakerServiceKit", "WindMakerMessages", "WindMakerRPC", argumentParser],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IntegrationTests",
            dependencies: [
                "WindMakerServiceSupport", "WindMakerServiceAPI", "WindMakerTLS", "WindMakerTransport", "WindMakerRPC",
                "WindMakerMessages", "WindMakerEcho", "WindMakerTestSupport", "WindMakerStorage", "WindMakerPostgres",
                nioCore, nioPosix,
                logging, lifecycle,
            ],
            swiftSettings: strictSettings
        ),
    ]
)
