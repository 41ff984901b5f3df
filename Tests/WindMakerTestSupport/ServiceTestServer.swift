public import Foundation

/// A real service executable on a private data directory: what every service's integration tests start.
///
/// ```swift
/// let registry = try await ServiceTestServer.start("registry", certificate: "registry")
/// defer { registry.stop() }
/// let operators = try registry.client("operator-alice")
/// ```
public struct ServiceTestServer: Sendable {
    /// The running process.
    public let server: ServerProcess
    /// Where its database lives; pass it to ``start(_:certificate:dataDirectory:arguments:)`` to reopen it.
    public let dataDirectory: URL

    /// Starts `executable` with `certificate`'s identity on a new temporary data directory, or on `dataDirectory` to
    /// reopen one, with `arguments` added to its command line.
    public static func start(
        _ executable: String,
        certificate: String,
        dataDirectory: URL? = nil,
        arguments: [String] = []
    ) async throws -> ServiceTestServer {
        let directory =
            dataDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("\(executable)-\(UUID().uuidString)")
        let server = try await ServerProcess.start(
            executable,
            certificate: certificate,
            arguments: (arguments.contains("--store") ? [] : ["--data-dir", directory.path]) + arguments
        )
        return ServiceTestServer(server: server, dataDirectory: directory)
    }

    /// A client connected as `identity` (e.g. `provider-portal`, `operator-alice`, `assessment`).
    public func client(_ identity: String) throws -> TestClient {
        try TestClient(port: self.server.port, identity: identity)
    }

    /// Kills the server and removes its data.
    public func stop() {
        self.server.kill()
        try? FileManager.default.removeItem(at: self.dataDirectory)
    }
}
