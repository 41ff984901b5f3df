import Foundation
import WindMakerKit
import WindMakerRegistry
import WindMakerStorage
import WindMakerTestSupport

/// A registry on a private in-memory database, with helpers to build the state a test needs.
struct RegistryHarness {
    static let clientActor = "spiffe://windmaker/service/merchant-console"

    let registry: Registry

    init() throws {
        self.registry = try Registry(database: TestStore.serviceDatabase("registry"))
    }

    init(registry: Registry) {
        self.registry = registry
    }

    /// A valid credit code distinct for every `number`.
    static func creditCode(_ number: Int) -> String {
        let digits = String(number)
        let prefix = "91350100" + String(repeating: "0", count: 9 - digits.count) + digits
        return prefix + String(CreditCode.checkCharacter(for: prefix)!)
    }

    static func application(
        _ number: Int,
        type: ProviderType = .local,
        region: String? = "350100"
    ) -> ProviderApplication {
        var application = Fixtures.application(type: type, region: region)
        application.creditCode = Self.creditCode(number)
        application.displayName = "Provider \(number)"
        return application
    }

    /// An applied provider.
    @discardableResult
    func applied(_ number: Int, type: ProviderType = .local, region: String? = "350100") throws -> Provider {
        try self.registry.apply(
            Self.application(number, type: type, region: region),
            actor: Fixtures.portalID,
            at: Fixtures.now
        )
    }

    /// An applied and approved provider.
    @discardableResult
    func active(_ number: Int, type: ProviderType = .local, region: String? = "350100") throws -> Provider {
        let provider = try self.applied(number, type: type, region: region)
        return try self.registry.transition(
            .approve,
            providerID: provider.id,
            expectedVersion: provider.version,
            reason: nil,
            actor: Fixtures.operatorID,
            at: Fixtures.now
        )
    }

    /// A proposed binding, confirmed when `confirm` is set.
    @discardableResult
    func binding(
        _ provider: Provider,
        client: ClientRef = Self.streamer,
        scope: BindingScope = .liveStreamOperation,
        _ start: String,
        _ end: String?,
        confirm: Bool = true
    ) throws -> Binding {
        let binding = try self.registry.proposeBinding(
            providerID: provider.id,
            client: client,
            scope: scope,
            range: Fixtures.range(start, end),
            actor: Fixtures.portalID,
            at: Fixtures.now
        )
        guard confirm else { return binding }
        return try self.registry.confirmBinding(
            binding.id,
            expectedVersion: binding.version,
            actor: Self.clientActor,
            at: Fixtures.now
        )
    }

    static let streamer = try! ClientRef(kind: .streamer, id: "u_1001")

    /// Rows in each table, to show that a refused or replayed request changed nothing.
    func rowCounts() throws -> [String: Int64] {
        var counts: [String: Int64] = [:]
        for table in [
            "providers", "provider_categories", "audit_entries", "invitations", "bindings", "idempotency_keys",
        ] {
            counts[table] = try self.registry.database.queryOne("SELECT COUNT(*) FROM \(table)")!.value(at: 0)
        }
        return counts
    }
}

/// A database file in a fresh temporary directory, removed when the test is done with it.
struct TemporaryDatabaseFile: ~Copyable {
    let directory: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("wm-registry-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        self.directory = url.path
    }

    var path: String { self.directory + "/registry.sqlite" }

    deinit { try? FileManager.default.removeItem(atPath: self.directory) }
}
