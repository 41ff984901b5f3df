import Foundation

/// The PostgreSQL these tests use: the throwaway cluster `scripts/test` starts (`scripts/pg-test-cluster`), named by
/// `WM_TEST_POSTGRES_URL`, and stopped when the run ends.
enum PostgresTestCluster {
    struct Missing: Error, CustomStringConvertible {
        let description =
            "WM_TEST_POSTGRES_URL is not set: run scripts/test, or start a cluster with "
            + "`scripts/pg-test-cluster start DIR` and set WM_TEST_POSTGRES_URL to the URL it prints"
    }

    static func url() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["WM_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw Missing()
        }
        return url
    }
}
