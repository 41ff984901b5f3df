public import WindMakerKit
public import WindMakerStorage

/// The registry's operations: each one validates its input, runs in ONE write transaction over a ``RegistryStore``,
/// and either commits every change (with its audit entries) or none.
///
/// The caller passes who is asking (`actor`, the SPIFFE id from the client certificate, recorded in the audit trail)
/// and the time (`at`): the registry reads no clock, so tests control time and the RPC adapter owns the clock.
/// Access control (who may call what) is the adapter's; these operations trust their caller.
///
/// ```swift
/// let registry = try Registry(database: SQLiteDatabase(path: "registry.sqlite"))
/// let provider = try registry.apply(application, actor: portalID, at: now)
/// let active = try registry.transition(.approve, providerID: provider.id, expectedVersion: provider.version,
///                                      reason: nil, actor: operatorID, at: now)
/// ```
///
/// Every mutating operation also has a `package` variant taking the ``Transaction`` (`…, in: sql`), so the adapter
/// can run it inside ``idempotent(_:at:encode:_:)`` and store the response in the same transaction: that is one
/// ``Database/write(_:)``, group-committed with the other calls' writes. The synchronous forms here run a
/// transaction with a commit of their own each (tests, tools, setup).
///
/// Errors: ``RegistryError`` for every refusal the caller can act on; ``StorageError`` when the database fails.
public final class Registry: Sendable {
    /// The database the operations run on.
    public let database: any Database
    /// The storage the operations read and write through.
    public let store: any RegistryStore

    /// Opens the registry on `database`, applying any missing ``RegistrySchema`` migrations first.
    /// - Throws: ``StorageError`` when a migration fails or the database's schema is newer than this code.
    public init(database: any Database, store: any RegistryStore = SQLiteRegistryStore()) throws(StorageError) {
        try database.migrate(RegistrySchema.migrations)
        self.database = database
        self.store = store
    }

    // MARK: Applying

    /// Creates an `APPLIED` provider from a non-strategic application, with its creation audit entry.
    /// - Throws: ``RegistryError/invitationRequired(_:)`` for `STRATEGIC` (they join by invitation);
    ///   ``RegistryError/invalidArgument(_:)`` with every field problem; ``RegistryError/alreadyExists(creditCode:existing:)``
    ///   naming the provider that has the credit code.
    public func apply(_ application: ProviderApplication, actor: String, at time: Timestamp) throws -> Provider {
        try self.database.transaction { sql in try self.apply(application, actor: actor, at: time, in: sql) }
    }

    /// ``apply(_:actor:at:)`` inside the caller's transaction.
    package func apply(
        _ application: ProviderApplication,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Provider {
        // Before validating, so a strategic applicant learns the way in even when a field is also wrong.
        guard !application.type.requiresInvitation else { throw RegistryError.invitationRequired(.missing) }
        return try self.apply(application.validated(), actor: actor, at: time, in: sql)
    }

    /// ``apply(_:actor:at:)`` of an application the caller already validated, inside the caller's transaction: the
    /// adapter validates before it queues the write, so the work in the write is only the store's.
    package func apply(
        _ profile: ProviderProfile,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Provider {
        guard !profile.type.requiresInvitation else { throw RegistryError.invitationRequired(.missing) }
        let provider = Provider(id: .random(), profile: profile, at: time)
        try self.insertNew(provider, entry: provider.creationAuditEntry(by: actor), in: sql)
        return provider
    }

    /// Inserts a new provider and its creation entry, refusing a credit code that is taken.
    func insertNew(_ provider: Provider, entry: AuditEntry, in sql: Transaction) throws {
        let creditCode = provider.profile.creditCode
        try Self.lockCreditCode(creditCode, in: sql)
        if let existing = try self.store.providerID(creditCode: creditCode, in: sql) {
            throw RegistryError.alreadyExists(creditCode: creditCode, existing: existing)
        }
        do {
            try self.store.insertProvider(provider, in: sql)
        } catch let error where error.code == .constraintViolation(.unique) {
            // The explicit check above makes this a race another store (another process) could still lose.
            if let existing = try self.store.providerID(creditCode: creditCode, in: sql) {
                throw RegistryError.alreadyExists(creditCode: creditCode, existing: existing)
            }
            throw error
        }
        try self.store.appendAuditEntry(entry, in: sql)
    }

    /// Holds the credit code's named lock for the rest of the transaction, so that two instances cannot both find it
    /// free and both insert.
    private static func lockCreditCode(_ creditCode: CreditCode, in sql: Transaction) throws(StorageError) {
        try sql.lock("credit code \(creditCode)")
    }

    // MARK: Lifecycle

    /// Applies an operator's decision (approve, reject, suspend, reinstate, terminate) and appends its audit entry.
    ///
    /// Terminating also ends every active binding of the provider on the termination date — the
    /// ``BusinessCalendar`` (UTC+8) date of `time` — and rejects its proposed ones.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` for a version below 1 (versions start at 1) or a missing or
    ///   over-long reason; ``RegistryError/notFound(_:id:)``; ``RegistryError/staleVersion(expected:actual:)``
    ///   (`ABORTED`);
    ///   ``RegistryError/illegalTransition(from:action:)`` (`FAILED_PRECONDITION`, naming the current status).
    public func transition(
        _ action: ProviderAction,
        providerID: ProviderID,
        expectedVersion: Int64,
        reason: String?,
        actor: String,
        at time: Timestamp
    ) throws -> Provider {
        try self.database.transaction { sql in
            try self.transition(
                action,
                providerID: providerID,
                expectedVersion: expectedVersion,
                reason: reason,
                actor: actor,
                at: time,
                in: sql
            )
        }
    }

    /// ``transition(_:providerID:expectedVersion:reason:actor:at:)`` inside the caller's transaction.
    package func transition(
        _ action: ProviderAction,
        providerID: ProviderID,
        expectedVersion: Int64,
        reason: String?,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Provider {
        try RegistryError.checking { () throws(InvalidRequest) in try ExpectedVersion.check(expectedVersion) }
        var provider = try self.existingProvider(providerID, in: sql)
        let entry = try provider.perform(action, reason: reason, expectedVersion: expectedVersion, by: actor, at: time)
        guard try self.store.updateProvider(provider, expectedVersion: expectedVersion, in: sql) else {
            let actual = try self.store.provider(providerID, in: sql)?.version ?? expectedVersion
            throw RegistryError.staleVersion(expected: expectedVersion, actual: actual)
        }
        try self.store.appendAuditEntry(entry, in: sql)
        if action == .terminate {
            try self.closeBindings(of: providerID, on: BusinessCalendar.date(of: time), actor: actor, in: sql)
        }
        return provider
    }

    /// Ends the provider's active bindings on `date` and rejects its proposed ones.
    private func closeBindings(of providerID: ProviderID, on date: CivilDate, actor: String, in sql: Transaction) throws
    {
        for var binding in try self.store.openBindings(of: providerID, in: sql) {
            let version = binding.version
            if binding.state == .active {
                try binding.end(on: date)
            } else {
                try binding.reject(by: actor)
            }
            _ = try self.store.updateBinding(binding, expectedVersion: version, in: sql)
        }
    }

    // MARK: Reading

    /// The provider.
    /// - Throws: ``RegistryError/notFound(_:id:)``.
    public func provider(_ id: ProviderID) throws -> Provider {
        try self.database.transaction { sql in try self.existingProvider(id, in: sql) }
    }

    func existingProvider(_ id: ProviderID, in sql: Transaction) throws -> Provider {
        guard let provider = try self.store.provider(id, in: sql) else {
            throw RegistryError.notFound(.provider, id: id.rawValue)
        }
        return provider
    }

    /// One page of the providers matching `filter`, in id order.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `page.page_size` (not 0–500) or `page.page_token`
    ///   (garbage, or issued for another filter).
    public func listProviders(
        _ filter: ProviderFilter = ProviderFilter(),
        page: PageRequest = PageRequest()
    ) throws -> Page<Provider> {
        let cursor = try RegistryError.checking { () throws(InvalidRequest) in
            try page.cursor(query: filter.canonical, as: ProviderID.self)
        }
        let providers = try self.database.transaction { sql in
            try self.store.providers(matching: filter, after: cursor.after, limit: cursor.size + 1, in: sql)
        }
        return Page(providers, cursor: cursor) { $0.id.rawValue }
    }

    /// The provider's audit trail, oldest first.
    /// - Throws: ``RegistryError/notFound(_:id:)``.
    public func history(of providerID: ProviderID) throws -> [AuditEntry] {
        try self.database.transaction { sql in
            _ = try self.existingProvider(providerID, in: sql)
            return try self.store.auditEntries(of: providerID, in: sql)
        }
    }
}
