public import WindMakerKit
package import WindMakerStorage

extension Registry {
    /// Proposes that the provider serve `client` in `scope` over `range`; the binding starts `PROPOSED`.
    /// - Throws: ``RegistryError/notFound(_:id:)``; ``RegistryError/providerNotActive(_:status:)`` unless the
    ///   provider is `ACTIVE`; ``RegistryError/bindingConflict(existing:provider:client:scope:range:)`` naming an
    ///   active (or ended, over the dates it covered) binding of any provider that holds a day of `range`.
    public func proposeBinding(
        providerID: ProviderID,
        client: ClientRef,
        scope: BindingScope,
        range: DateRange,
        actor: String,
        at time: Timestamp
    ) throws -> Binding {
        try self.database.transaction { sql in
            try self.proposeBinding(
                providerID: providerID,
                client: client,
                scope: scope,
                range: range,
                actor: actor,
                at: time,
                in: sql
            )
        }
    }

    /// ``proposeBinding(providerID:client:scope:range:actor:at:)`` inside the caller's transaction.
    package func proposeBinding(
        providerID: ProviderID,
        client: ClientRef,
        scope: BindingScope,
        range: DateRange,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Binding {
        try self.existingProvider(providerID, in: sql).requireActive()
        let binding = Binding(
            id: .random(),
            providerID: providerID,
            client: client,
            scope: scope,
            range: range,
            proposedBy: actor
        )
        try self.checkNoConflict(binding, in: sql)
        try self.store.insertBinding(binding, createdAt: time, in: sql)
        return binding
    }

    /// Confirms a proposed binding (client side or operator). Conflicts are checked again here, inside the
    /// transaction, because another binding may have become active since the proposal; the provider must still be
    /// `ACTIVE`, since confirming puts a new binding in force.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `expected_version` below 1;
    ///   ``RegistryError/notFound(_:id:)``; ``RegistryError/staleVersion(expected:actual:)``;
    ///   ``RegistryError/illegalBindingTransition(_:from:action:)`` unless proposed;
    ///   ``RegistryError/providerNotActive(_:status:)``;
    ///   ``RegistryError/bindingConflict(existing:provider:client:scope:range:)``.
    public func confirmBinding(
        _ id: BindingID,
        expectedVersion: Int64,
        actor: String,
        at time: Timestamp
    ) throws -> Binding {
        try self.database.transaction { sql in
            try self.confirmBinding(id, expectedVersion: expectedVersion, actor: actor, at: time, in: sql)
        }
    }

    /// ``confirmBinding(_:expectedVersion:actor:at:)`` inside the caller's transaction.
    package func confirmBinding(
        _ id: BindingID,
        expectedVersion: Int64,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Binding {
        var binding = try self.existingBinding(id, expectedVersion: expectedVersion, in: sql)
        try binding.confirm(by: actor)
        try self.existingProvider(binding.providerID, in: sql).requireActive()
        try self.checkNoConflict(binding, in: sql)
        try self.save(binding, expectedVersion: expectedVersion, in: sql)
        return binding
    }

    /// Ends an active binding: it covers no day after `date`.
    /// - Throws: ``RegistryError/notFound(_:id:)``; ``RegistryError/staleVersion(expected:actual:)``;
    ///   ``RegistryError/invalidArgument(_:)`` naming `expected_version` below 1, or `end` when `date` is before the
    ///   binding's start;
    ///   ``RegistryError/illegalBindingTransition(_:from:action:)`` unless active.
    public func endBinding(
        _ id: BindingID,
        on date: CivilDate,
        expectedVersion: Int64,
        actor: String,
        at time: Timestamp
    ) throws -> Binding {
        try self.database.transaction { sql in
            try self.endBinding(id, on: date, expectedVersion: expectedVersion, actor: actor, at: time, in: sql)
        }
    }

    /// ``endBinding(_:on:expectedVersion:actor:at:)`` inside the caller's transaction.
    package func endBinding(
        _ id: BindingID,
        on date: CivilDate,
        expectedVersion: Int64,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Binding {
        var binding = try self.existingBinding(id, expectedVersion: expectedVersion, in: sql)
        guard date >= binding.range.start else {
            throw RegistryError.invalidArgument([
                FieldViolation(
                    field: "end",
                    description: "\(date) is before the binding's start \(binding.range.start)"
                )
            ])
        }
        try binding.end(on: date)
        try self.save(binding, expectedVersion: expectedVersion, in: sql)
        return binding
    }

    /// One page of the bindings of a provider or a client, in id order; with `date`, only those whose dates (cut at
    /// the end date once ended) include it.
    /// - Throws: ``RegistryError/notFound(_:id:)`` for an unknown provider; ``RegistryError/invalidArgument(_:)``
    ///   naming `page.page_size` or `page.page_token`.
    public func listBindings(
        _ subject: BindingSubject,
        on date: CivilDate? = nil,
        page: PageRequest = PageRequest()
    ) throws -> Page<Binding> {
        let query = "bindings;\(subject.canonical);on=\(date.map { "\($0)" } ?? "")"
        let cursor = try RegistryError.checking { () throws(InvalidRequest) in
            try page.cursor(query: query, as: BindingID.self)
        }
        let bindings = try self.database.transaction { sql in
            if case .provider(let id) = subject { _ = try self.existingProvider(id, in: sql) }
            return try self.store.bindings(of: subject, on: date, after: cursor.after, limit: cursor.size + 1, in: sql)
        }
        return Page(bindings, cursor: cursor) { $0.id.rawValue }
    }

    /// One batch of the confirmed bindings in force on some day of `from ... through`, every provider's, in id
    /// order after `after`: the pages of ``RegistryService``'s binding stream.
    public func bindingsInForce(
        from: CivilDate,
        through: CivilDate,
        after: BindingID?,
        limit: Int
    ) throws -> [Binding] {
        try self.database.transaction { sql in
            try self.store.bindingsInForce(from: from, through: through, after: after, limit: limit, in: sql)
        }
    }

    private func existingBinding(_ id: BindingID, expectedVersion: Int64, in sql: Transaction) throws -> Binding {
        try RegistryError.checking { () throws(InvalidRequest) in try ExpectedVersion.check(expectedVersion) }
        guard let binding = try self.store.binding(id, in: sql) else {
            throw RegistryError.notFound(.binding, id: id.rawValue)
        }
        guard binding.version == expectedVersion else {
            throw RegistryError.staleVersion(expected: expectedVersion, actual: binding.version)
        }
        return binding
    }

    /// Holds the (client, scope) lock for the rest of the transaction, so no other instance can add an overlapping
    /// binding between this check and the caller's save.
    private func checkNoConflict(_ binding: Binding, in sql: Transaction) throws {
        try sql.lock("bindings \(binding.client) \(binding.scope)")
        let occupying = try self.store.occupyingBindings(
            client: binding.client,
            scope: binding.scope,
            overlapping: binding.range,
            in: sql
        )
        try binding.checkNoConflict(among: occupying)
    }

    private func save(_ binding: Binding, expectedVersion: Int64, in sql: Transaction) throws {
        guard try self.store.updateBinding(binding, expectedVersion: expectedVersion, in: sql) else {
            let actual = try self.store.binding(binding.id, in: sql)?.version ?? expectedVersion
            throw RegistryError.staleVersion(expected: expectedVersion, actual: actual)
        }
    }
}
