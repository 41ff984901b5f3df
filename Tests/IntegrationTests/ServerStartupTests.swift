import Foundation
import Testing
import WindMakerTestSupport

/// A server that cannot serve as configured exits non-zero with one sentence of ours naming the file or flag, instead
/// of starting and failing every handshake, or printing a library's error text.
@Suite struct ServerStartupTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        /// Overrides of the registry's own certificate, key, log level; `nil` keeps the default.
        var certificate: String? = nil
        var key: String? = nil
        var arguments: [String] = []
        var dataDirectoryIsAFile = false
        var expected: String

        var testDescription: String { self.name }
    }

    static let certificates = DevCertificates.shared
    /// The registry's own certificate, as its environment gives it.
    static let registryIdentity = [
        "WM_TLS_CERT": Self.certificates.certificatePath(for: "registry"),
        "WM_TLS_KEY": Self.certificates.keyPath(for: "registry"),
        "WM_TLS_CA": Self.certificates.caPath,
    ]

    static let cases: [Case] = [
        Case(
            name: "metrics address that is not host:port",
            arguments: ["--metrics-listen", "9401"],
            expected: "--metrics-listen must be host:port or off, got \"9401\""
        ),
        Case(
            name: "missing key",
            key: "/nonexistent/registry.key",
            expected: "cannot read the TLS private key /nonexistent/registry.key (--tls-key or WM_TLS_KEY):"
                + " No such file or directory"
        ),
        Case(
            name: "key that is a directory",
            key: "/tmp",
            expected: "cannot read the TLS private key /tmp (--tls-key or WM_TLS_KEY): not a regular file"
        ),
        Case(
            name: "another service's certificate",
            certificate: certificates.certificatePath(for: "echo"),
            key: certificates.keyPath(for: "echo"),
            expected: "is for spiffe://windmaker/service/echo, but the registry server serves as"
                + " spiffe://windmaker/service/registry"
        ),
        Case(
            name: "client-only certificate",
            certificate: certificates.certificatePath(for: "operator-alice"),
            key: certificates.keyPath(for: "operator-alice"),
            expected: "may not be used by a TLS server: its key usage does not allow serverAuth"
        ),
        Case(
            name: "key of another certificate",
            key: certificates.keyPath(for: "echo"),
            expected: "cannot set up TLS for the registry server: could not load private key from"
        ),
        Case(
            name: "key of another certificate, named",
            key: certificates.keyPath(for: "echo"),
            expected: "echo.key: it does not match the certificate"
        ),
        Case(name: "data directory that is a file", dataDirectoryIsAFile: true, expected: "is a file, not a directory"),
        Case(
            name: "unknown log level",
            arguments: ["--log-level", "loud"],
            expected: "--log-level (or WM_LOG_LEVEL) must be one of trace, debug, info, notice, warning, error,"
                + " critical; got \"loud\""
        ),
    ]

    @Test(arguments: Self.cases)
    func refusesToStartWithOneClearLine(_ test: Case) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("startup-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        var dataDirectory = directory.path
        if test.dataDirectoryIsAFile {
            try Data("not a directory".utf8).write(to: directory)
        } else {
            dataDirectory += "/data"
        }
        let run = try await CommandRun.run(
            "registry",
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--data-dir", dataDirectory] + test.arguments,
            environment: [
                "WM_TLS_CERT": test.certificate ?? Self.certificates.certificatePath(for: "registry"),
                "WM_TLS_KEY": test.key ?? Self.certificates.keyPath(for: "registry"),
                "WM_TLS_CA": Self.certificates.caPath,
            ]
        )
        #expect(run.status != 0)
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(errors.count == 1, "\(run.output)")
        #expect(errors.first?.contains(test.expected) == true, "\(run.output)")
        #expect(!run.output.contains("serving"))
        #expect(!run.output.contains("system lib") && !run.output.contains("CocoaError"))
        // Refused before the database is touched: a mistyped setting leaves no file behind.
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/registry.sqlite"))
    }

    @Test func aDataDirectoryThatCannotBeWrittenIsNamed() async throws {
        // /proc refuses new entries even to root, which a permission bit would not.
        let run = try await CommandRun.run(
            "incentive",
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--data-dir", "/proc/windmaker-data"],
            environment: [
                "WM_TLS_CERT": Self.certificates.certificatePath(for: "incentive"),
                "WM_TLS_KEY": Self.certificates.keyPath(for: "incentive"), "WM_TLS_CA": Self.certificates.caPath,
            ]
        )
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(run.status != 0 && errors.count == 1, "\(run.output)")
        #expect(errors.first?.contains("/proc/windmaker-data") == true, "\(run.output)")
    }

    @Test(arguments: ["registry", "assessment", "incentive"])
    func aStoreFromANewerVersionIsRefused(service: String) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("newer-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let store = directory.appendingPathComponent("\(service).sqlite").path
        let sqlite = try await CommandRun.run(
            at: URL(fileURLWithPath: "/usr/bin/python3"),
            [
                "-c",
                "import sqlite3,sys; d=sqlite3.connect(sys.argv[1]); d.execute('CREATE TABLE schema_migrations "
                    + "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at_micros INTEGER NOT NULL)'); "
                    + "d.execute(\"INSERT INTO schema_migrations VALUES (999, 'from_the_future', 0)\"); d.commit()",
                store,
            ],
            environment: [:]
        )
        #expect(sqlite.status == 0, "\(sqlite.output)")
        let run = try await CommandRun.run(
            service,
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--data-dir", directory.path],
            environment: [
                "WM_TLS_CERT": Self.certificates.certificatePath(for: service),
                "WM_TLS_KEY": Self.certificates.keyPath(for: service), "WM_TLS_CA": Self.certificates.caPath,
            ]
        )
        let errors = run.output.split(separator: "\n").filter { $0.hasPrefix("Error: ") }
        #expect(run.status != 0 && errors.count == 1, "\(run.output)")
        #expect(
            errors.first?.contains("migration 999") == true && errors.first?.contains("newer") == true,
            "\(run.output)"
        )
    }

    @Test func aMetricsPortInUseIsNamedWithTheFlag() async throws {
        let first = try await RegistryTestServer.start()
        defer { first.stop() }
        let metricsPort = try #require(first.server.metricsPort)
        let second = first.dataDirectory.path + "-metrics"
        defer { try? FileManager.default.removeItem(atPath: second) }
        let run = try await CommandRun.run(
            "registry",
            ["--listen", "127.0.0.1:0", "--metrics-listen", "127.0.0.1:\(metricsPort)", "--data-dir", second],
            environment: Self.registryIdentity
        )
        #expect(run.status != 0)
        #expect(
            run.output.contains(
                "Error: cannot serve metrics on 127.0.0.1:\(metricsPort) (--metrics-listen or WM_METRICS_LISTEN): "
                    + "address already in use"
            ),
            "\(run.output)"
        )
        #expect(!run.output.contains("msg=serving"))
    }

    @Test func aPortInUseIsNamedWithTheFlag() async throws {
        let first = try await RegistryTestServer.start()
        defer { first.stop() }
        let run = try await CommandRun.run(
            "registry",
            [
                "--listen", "127.0.0.1:\(first.server.port)", "--metrics-listen", "off", "--data-dir",
                first.dataDirectory.path + "-second",
            ],
            environment: Self.registryIdentity
        )
        defer { try? FileManager.default.removeItem(atPath: first.dataDirectory.path + "-second") }
        #expect(run.status != 0)
        #expect(
            run.output.contains(
                "Error: cannot listen on 127.0.0.1:\(first.server.port) (--listen or WM_LISTEN): address already in use"
            ),
            "\(run.output)"
        )
    }

    @Test func aSecondServerOnADataDirectoryInUseRefusesToStart() async throws {
        let first = try await RegistryTestServer.start()
        defer { first.stop() }
        let run = try await CommandRun.run(
            "registry",
            ["--listen", "127.0.0.1:0", "--metrics-listen", "off", "--data-dir", first.dataDirectory.path],
            environment: Self.registryIdentity
        )
        #expect(run.status != 0)
        #expect(
            run.output.contains("registry.sqlite is in use by another process (pid \(first.server.processIdentifier))"),
            "\(run.output)"
        )
    }
}
