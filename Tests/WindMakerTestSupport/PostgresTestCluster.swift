import Foundation
import WindMakerPostgres

/// The PostgreSQL these tests use: the throwaway cluster `scripts/test` starts (`scripts/pg-test-cluster`), named by
/// `WM_TEST_POSTGRES_URL`, and stopped when the run ends.
public enum PostgresTestCluster {
    public struct Missing: Error, CustomStringConvertible {
        public let description =
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

    /// A schema name no other test uses.
    public static func freshSchema(_ prefix: String) -> String {
        "\(prefix)_\(UUID().uuidString.prefix(8).lowercased())"
    }
}
