import Testing
import WindMakerRegistry
import WindMakerStorage

@Suite struct RegistryPersistenceTests {
    @Test func dataSurvivesClosingAndReopeningTheFile() throws {
        let file = try TemporaryDatabaseFile()
        let provider: Provider
        let binding: Binding
        do {
            let database = try SQLiteDatabase(path: file.path)
            let harness = RegistryHarness(registry: try Registry(database: database))
            provider = try harness.active(1)
            binding = try harness.binding(provider, "2025-01-01", nil)
            database.close()
        }
        let database = try SQLiteDatabase(path: file.path)
        defer { database.close() }
        let registry = try Registry(database: database)
        #expect(try registry.provider(provider.id) == provider)
        #expect(try registry.history(of: provider.id).map(\.to) == [.applied, .active])
        #expect(try registry.listBindings(.provider(provider.id)).items == [binding])
    }
}
