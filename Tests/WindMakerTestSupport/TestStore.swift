import Foundation
import WindMakerPostgres
public import WindMakerStorage

/// The two storage engines, for tests that run the same checks on both.
public enum StorageEngine: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    public var description: String { self.rawValue }

    /// The engine the services' store-level suites run on: `WM_TEST_STORE_ENGINE` (`scripts/test` runs them once
    /// with each), SQLite when unset.
    public static var forServiceTests: StorageEngine {
        ProcessInfo.processInfo.environment["WM_TEST_STORE_ENGINE"].flatMap(StorageEngine.init(rawValue:)) ?? .sqlite
    }
}

extension TestStore {
    /// Another database on the same store, as a second server instance opens it; `nil` for SQLite, which has one
    /// server per file.
    public static func secondInstance(of database: any Database) throws -> (any Database)? {
        guard let postgres = database as? PostgresDatabase else { return nil }
        return try PostgresDatabase(url: postgres.location, schema: postgres.schema, writeLanes: 4, readConnections: 2)
    }

    /// A fresh, empty database on ``StorageEngine/forServiceTests``: SQLite in memory (no file, no fsync), or a
    /// schema of its own in the test cluster.
    public static func serviceDatabase(_ prefix: String) throws -> any Database {
        switch StorageEngine.forServiceTests {
        case .sqlite: try SQLiteDatabase(path: ":memory:")
        case .postgres: try TestStore(.postgres, prefix: prefix).database
        }
    }
}

/// A fresh, empty store on one engine: a SQLite file in a temporary directory, or a schema of its own in the test
/// cluster (``PostgresTestCluster``). SQLite files go when the test process exits (not with the `TestStore`, which a
/// test may drop while it still uses the database); schemas stay in the throwaway cluster. The database closes when
/// the last reference to it goes.
public final class TestStore: Sendable {
    public let engine: StorageEngine
    public let database: any Database
    /// The schema, on PostgreSQL.
    public let schema: String?

    /// - Parameters:
    ///   - prefix: the start of the schema's name.
    ///   - writeLanes: on PostgreSQL, how many writes run at once.
    ///   - writeQueue: how many writes may wait.
    public init(
        _ engine: StorageEngine,
        prefix: String = "test",
        writeLanes: Int = 4,
        writeQueue: WriteQueueLimits = WriteQueueLimits()
    ) throws {
        self.engine = engine
        switch engine {
        case .sqlite:
            self.database = try SQLiteDatabase(path: try TestFiles.newDatabasePath(), writeQueue: writeQueue)
            self.schema = nil
        case .postgres:
            let schema = PostgresTestCluster.freshSchema(prefix)
            self.database = try PostgresDatabase(
                url: try PostgresTestCluster.url(),
                schema: schema,
                writeLanes: writeLanes,
                readConnections: 2,
                writeQueue: writeQueue
            )
            self.schema = schema
        }
    }

    /// Another database on the same store, as a second server instance would open it (PostgreSQL only: a SQLite
    /// file has one server).
    public func secondInstance(writeLanes: Int = 4) throws -> any Database {
        guard let schema else { throw StorageError(.misuse, "a SQLite store has one server") }
        return try PostgresDatabase(
            url: try PostgresTestCluster.url(),
            schema: schema,
            writeLanes: writeLanes,
            readConnections: 2
        )
    }
}

/// One directory per test process for ``TestStore``'s SQLite files, removed when the process exits.
private enum TestFiles {
    static let directory: String = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("wm-test-stores-\(getpid())").path
        atexit { try? FileManager.default.removeItem(atPath: TestFiles.directory) }
        return path
    }()

    static func newDatabasePath() throws -> String {
        try FileManager.default.createDirectory(atPath: Self.directory, withIntermediateDirectories: true)
        return "\(Self.directory)/\(UUID().uuidString).sqlite"
    }
}
