import Foundation
import WindMakerPostgres

/// The PostgreSQL these tests use: the throwaway cluster `scripts/test` starts (`scripts/pg-test-cluster`), named by
/// `WM_TEST_POSTGRES_URL`, and stopped when the run ends.
public enum PostgresTestCluster {
    public struct Missing: Error, CustomStringConvertible {
        public var description =
            "WM_TEST_POSTGRES_URL is not set: run scripts/test, or start a cluster with "
            + "`scripts/pg-test-cluster start DIR` and set WM_TEST_POSTGRES_URL to the URL it prints"
    }

    /// The cluster's URL.
    /// - Throws: ``Missing`` when no cluster was started.
    public static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["WM_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw Missing()
        }
        return url
    }

    /// The URL of a new, empty database in the cluster: for servers, whose schema names are fixed.
    public static func freshDatabase() throws -> String {
        let url = try Self.url()
        let name = "wm_\(UUID().uuidString.prefix(8).lowercased())"
        try PostgresConnection(url: url).execute("CREATE DATABASE \(name)")
        guard let slash = url.lastIndex(of: "/") else { return url }
        return url[..<slash] + "/" + name
    }

    /// Restarts the cluster (fast shutdown, then start on the same port), as an operator's restart would: every
    /// connection to it is lost. Only for a test that runs alone (`scripts/test` runs it with the heavy suites).
    /// - Throws: when `WM_TEST_POSTGRES_DIR` (set by `scripts/test`) is missing or the restart fails.
    public static func restart() async throws {
        guard let directory = ProcessInfo.processInfo.environment["WM_TEST_POSTGRES_DIR"], !directory.isEmpty else {
            throw Missing(
                description: "WM_TEST_POSTGRES_DIR is not set: run scripts/test, or set it to the directory given to"
                    + " scripts/pg-test-cluster start"
            )
        }
        let script = DevCertificates.repositoryRoot.appendingPathComponent("scripts/pg-test-cluster")
        let run = try await CommandRun.run(at: script, ["restart", directory], environment: [:], timeout: .seconds(90))
        guard run.status == 0 else { throw ServerProcessError(message: "pg-test-cluster restart: \(run.output)") }
    }

    /// A schema name no other test uses.
    public static func freshSchema(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}
