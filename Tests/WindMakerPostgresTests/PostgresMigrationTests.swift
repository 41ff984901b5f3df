import Dispatch
import Foundation
import Testing
import WindMakerAssessment
import WindMakerIncentive
import WindMakerPostgres
import WindMakerRegistry
import WindMakerStorage
import WindMakerStoreKit
import WindMakerTestSupport

/// The services' own numbered migrations on PostgreSQL: the portable schemas apply as written (with the two DDL
/// types spelled for PostgreSQL), once, even with two instances starting together.
@Suite struct PostgresMigrationTests {
    static let services: [(String, [Migration])] = [
        ("registry", RegistrySchema.migrations),
        ("assessment", AssessmentSchema.migrations),
        ("incentive", IncentiveSchema.migrations),
        ("idempotency", [Migration(version: 1, name: "idempotency keys", sql: IdempotencyStore.schema)]),
    ]

    @Test(arguments: Self.services)
    func everyServiceSchemaAppliesOnceAsWritten(_ service: String, _ migrations: [Migration]) throws {
        let connection = try PostgresConnection(url: try PostgresTestCluster.url())
        let schema = PostgresTestCluster.freshSchema(service)
        try connection.migrate(migrations, schema: schema)
        try connection.migrate(migrations, schema: schema)
        let recorded = try connection.query("SELECT version FROM schema_migrations ORDER BY version")
        #expect(try recorded.map { try $0.value(at: 0, as: Int.self) } == migrations.map(\.version))
        let tables = try connection.query(
            "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = ?",
            [.text(schema)]
        )
        #expect(try tables[0].value(at: 0, as: Int.self) > 1)
        // 64-bit integers everywhere: the largest fen amount fits in every INTEGER column.
        let narrow = try connection.query(
            "SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = ? AND data_type = ?",
            [.text(schema), .text("integer")]
        )
        #expect(narrow.isEmpty, "\(narrow.map(\.values))")
        // Text compares byte by byte, as on SQLite, whatever the database's locale.
        let collated = try connection.query(
            "SELECT table_name, column_name, collation_name FROM information_schema.columns"
                + " WHERE table_schema = ? AND data_type = ? AND collation_name IS DISTINCT FROM ?",
            [.text(schema), .text("text"), .text("C")]
        )
        #expect(collated.isEmpty, "\(collated.map(\.values))")
    }

    /// Five rounds on fresh schemas: the race it guards against (two creators of one schema) is a narrow one.
    @Test(arguments: 0 ..< 5)
    func twoInstancesStartingTogetherApplyEachMigrationOnce(_ round: Int) async throws {
        let url = try PostgresTestCluster.url()
        let schema = PostgresTestCluster.freshSchema("incentive\(round)")
        let results = await withTaskGroup(of: Result<Void, StorageError>.self) { group in
            for _ in 0 ..< 2 {
                group.addTask {
                    await withCheckedContinuation { continuation in
                        DispatchQueue.global().async {
                            continuation.resume(
                                returning: Result { () throws(StorageError) in
                                    try PostgresConnection(url: url).migrate(IncentiveSchema.migrations, schema: schema)
                                }
                            )
                        }
                    }
                }
            }
            return await group.reduce(into: []) { $0.append($1) }
        }
        for result in results {
            if case .failure(let error) = result { Issue.record("\(error)") }
        }
        let connection = try PostgresConnection(url: url)
        let recorded = try connection.query("SELECT COUNT(*) FROM \(schema).schema_migrations")
        #expect(try recorded[0].value(at: 0, as: Int.self) == IncentiveSchema.migrations.count)
    }

    @Test func aSchemaFromANewerVersionIsRefused() throws {
        let connection = try PostgresConnection(url: try PostgresTestCluster.url())
        let schema = PostgresTestCluster.freshSchema("registry")
        try connection.migrate(RegistrySchema.migrations, schema: schema)
        try connection.execute(
            "INSERT INTO schema_migrations (version, name, applied_at_micros) VALUES (?, ?, ?)",
            [.integer(999), .text("from the future"), .integer(0)]
        )
        do {
            try connection.migrate(RegistrySchema.migrations, schema: schema)
            Issue.record("a newer schema was accepted")
        } catch {
            #expect(error.code == .incompatibleSchema && error.message.contains("999"), "\(error)")
        }
    }
}
