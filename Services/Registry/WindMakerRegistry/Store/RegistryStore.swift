public import WindMakerKit
public import WindMakerStorage

/// The registry's storage: the few reads and writes the ``Registry`` operations need, run inside the operation's
/// transaction so that an operation's changes, its audit entries and its idempotency record (``IdempotencyStore``,
/// on the same transaction) commit together.
///
/// Narrow on purpose: no SQL leaves the implementation, and every method is one or two statements. The SQLite
/// implementation is ``SQLiteRegistryStore``; a PostgreSQL one implements the same methods over the same schema
/// (``RegistrySchema`` is portable SQL).
///
/// ```swift
/// let store: any RegistryStore = SQLiteRegistryStore()
/// try database.transaction { sql in
///     guard var provider = try store.provider(id, in: sql) else { throw RegistryError.notFound(.provider, id: "\(id)") }
///     let entry = try provider.perform(.approve, expectedVersion: 1, by: actor, at: now)
///     _ = try store.updateProvider(provider, expectedVersion: 1, in: sql)
///     try store.appendAuditEntry(entry, in: sql)
/// }
/// ```
///
/// Methods throw ``StorageError``; a unique violation (``StorageError/Code/constraintViolation(_:)`` `.unique`) on
/// insert means the row exists, and the operation maps it to its domain error.
public protocol RegistryStore: Sendable {
    // MARK: Providers

    /// Inserts a new provider with its categories.
    func insertProvider(_ provider: Provider, in sql: Transaction) throws(StorageError)
    /// The provider with this id, or `nil`.
    func provider(_ id: ProviderID, in sql: Transaction) throws(StorageError) -> Provider?
    /// The id of the provider with this credit code, or `nil`.
    func providerID(creditCode: CreditCode, in sql: Transaction) throws(StorageError) -> ProviderID?
    /// Writes the provider's lifecycle, version and update time when the stored version is `expectedVersion`.
    /// - Returns: whether a row was updated (`false`: the version moved on, or the provider is gone).
    func updateProvider(
        _ provider: Provider,
        expectedVersion: Int64,
        in sql: Transaction
    ) throws(StorageError) -> Bool
    /// At most `limit` providers matching `filter` with ids greater than `after`, in id order.
    func providers(
        matching filter: ProviderFilter,
        after: ProviderID?,
        limit: Int,
        in sql: Transaction
    ) throws(StorageError) -> [Provider]

    // MARK: Audit trail

    /// Appends an entry after every earlier one.
    func appendAuditEntry(_ entry: AuditEntry, in sql: Transaction) throws(StorageError)
    /// The provider's entries, oldest first.
    func auditEntries(of providerID: ProviderID, in sql: Transaction) throws(StorageError) -> [AuditEntry]

    // MARK: Invitations

    /// Inserts a new invitation.
    func insertInvitation(_ invitation: Invitation, in sql: Transaction) throws(StorageError)
    /// The invitation with this code, or `nil`.
    func invitation(_ code: InvitationCode, in sql: Transaction) throws(StorageError) -> Invitation?
    /// Records the invitation's redemption (time and provider).
    func updateInvitationRedemption(_ invitation: Invitation, in sql: Transaction) throws(StorageError)

    // MARK: Bindings

    /// Inserts a new binding.
    func insertBinding(_ binding: Binding, createdAt: Timestamp, in sql: Transaction) throws(StorageError)
    /// The binding with this id, or `nil`.
    func binding(_ id: BindingID, in sql: Transaction) throws(StorageError) -> Binding?
    /// Writes the binding's state, confirmer and version when the stored version is `expectedVersion`.
    /// - Returns: whether a row was updated.
    func updateBinding(_ binding: Binding, expectedVersion: Int64, in sql: Transaction) throws(StorageError) -> Bool
    /// The provider's bindings that are proposed or active, in id order.
    func openBindings(of providerID: ProviderID, in sql: Transaction) throws(StorageError) -> [Binding]
    /// Active and ended bindings of any provider for `client` and `scope` whose range may share a day with `range`
    /// (a superset: the caller checks the occupied dates with ``Binding/conflict(among:)``).
    func occupyingBindings(
        client: ClientRef,
        scope: BindingScope,
        overlapping range: DateRange,
        in sql: Transaction
    ) throws(StorageError) -> [Binding]
    /// At most `limit` bindings of `subject` with ids greater than `after`, in id order; with `date`, only those whose
    /// range (cut at the end date once ended) includes it.
    func bindings(
        of subject: BindingSubject,
        on date: CivilDate?,
        after: BindingID?,
        limit: Int,
        in sql: Transaction
    ) throws(StorageError) -> [Binding]
    /// Active and ended bindings for `client` and `scope` whose range may include a day in `from ... through`, in
    /// start order: one indexed range scan, for attribution.
    func attributionCandidates(
        client: ClientRef,
        scope: BindingScope,
        from: CivilDate,
        through: CivilDate,
        in sql: Transaction
    ) throws(StorageError) -> [Binding]
    /// Active and ended bindings whose range (cut at the end date once ended) includes a day of `from ... through`,
    /// every provider's, in id order after `after`, at most `limit`.
    func bindingsInForce(
        from: CivilDate,
        through: CivilDate,
        after: BindingID?,
        limit: Int,
        in sql: Transaction
    ) throws(StorageError) -> [Binding]
}
