public import WindMakerKit
package import WindMakerStorage

extension Registry {
    /// How long an invitation may be valid, in days.
    public static let invitationValidDays: ClosedRange<Int> = 1 ... 90
    /// The longest organisation name an invitation may carry.
    public static let maximumOrganisationNameLength = 200

    /// Issues a single-use invitation for the company with `creditCode` to join as `STRATEGIC`, valid for
    /// `validDays` days from `time`. Operators only (the adapter's access table).
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `credit_code`, `organisation_name` or `valid_days`;
    ///   ``RegistryError/alreadyExists(creditCode:existing:)`` when that company is a provider already.
    public func invite(
        creditCode: String,
        organisationName: String? = nil,
        validDays: Int,
        actor: String,
        at time: Timestamp
    ) throws -> Invitation {
        try self.database.transaction { sql in
            try self.invite(
                creditCode: creditCode,
                organisationName: organisationName,
                validDays: validDays,
                actor: actor,
                at: time,
                in: sql
            )
        }
    }

    /// ``invite(creditCode:organisationName:validDays:actor:at:)`` inside the caller's transaction.
    package func invite(
        creditCode: String,
        organisationName: String? = nil,
        validDays: Int,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Invitation {
        var violations: [FieldViolation] = []
        var code: CreditCode?
        do {
            code = try CreditCode(creditCode)
        } catch {
            violations.append(FieldViolation(field: "credit_code", error: error))
        }
        let name = organisationName?.trimmedWhitespace
        if let name, !name.isEmpty,
            let violation = TextRule.violation(
                of: name,
                field: "organisation_name",
                maximum: Self.maximumOrganisationNameLength
            )
        {
            violations.append(violation)
        }
        if !Self.invitationValidDays.contains(validDays) {
            violations.append(
                FieldViolation(
                    field: "valid_days",
                    description: "must be between \(Self.invitationValidDays.lowerBound) and "
                        + "\(Self.invitationValidDays.upperBound), found \(validDays)"
                )
            )
        }
        guard let code, violations.isEmpty else { throw RegistryError.invalidArgument(violations) }
        if let existing = try self.store.providerID(creditCode: code, in: sql) {
            throw RegistryError.alreadyExists(creditCode: code, existing: existing)
        }
        var invitation = try Invitation.issue(
            for: code,
            by: actor,
            at: time,
            expiresAt: time.adding(seconds: Int64(validDays) * 86_400)
        )
        invitation.organisationName = name?.isEmpty == false ? name : nil
        try self.store.insertInvitation(invitation, in: sql)
        return invitation
    }

    /// Redeems an invitation: creates the `ACTIVE` strategic provider from `application` and marks the invitation
    /// used, in one transaction.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` naming `code` (malformed), `profile.type` (not
    ///   `STRATEGIC`) or an application field; ``RegistryError/invitationRequired(_:)`` (`PERMISSION_DENIED`) saying
    ///   why the invitation cannot be used: unknown, issued for another credit code, already used, or expired;
    ///   ``RegistryError/alreadyExists(creditCode:existing:)``.
    public func redeemInvitation(
        code: String,
        application: ProviderApplication,
        actor: String,
        at time: Timestamp
    ) throws -> Provider {
        try self.database.transaction { sql in
            try self.redeemInvitation(code: code, application: application, actor: actor, at: time, in: sql)
        }
    }

    /// ``redeemInvitation(code:application:actor:at:)`` inside the caller's transaction.
    package func redeemInvitation(
        code: String,
        application: ProviderApplication,
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> Provider {
        var violations: [FieldViolation] = []
        var invitationCode: InvitationCode?
        do {
            invitationCode = try InvitationCode(code)
        } catch {
            violations.append(FieldViolation(field: "code", error: error))
        }
        if application.type != .strategic {
            violations.append(
                FieldViolation(
                    field: "profile.type",
                    description: "an invitation admits a STRATEGIC provider, found \(application.type); "
                        + "\(application.type) providers apply without one"
                )
            )
        }
        violations += application.validate()
        guard let invitationCode, violations.isEmpty else { throw RegistryError.invalidArgument(violations) }
        let profile = try application.validated()
        // Redeemed once: a second redemption on another instance waits, then finds it used.
        try sql.lock("invitation \(invitationCode)")
        guard var invitation = try self.store.invitation(invitationCode, in: sql) else {
            throw RegistryError.invitationRequired(.unknownCode)
        }
        let provider = Provider(id: .random(), profile: profile, invited: true, at: time)
        try invitation.redeem(at: time, for: profile.creditCode, providerID: provider.id)
        let entry = AuditEntry(
            providerID: provider.id,
            actor: actor,
            at: time,
            from: nil,
            to: provider.status,
            reason: "joined by invitation"
        )
        try self.insertNew(provider, entry: entry, in: sql)
        try self.store.updateInvitationRedemption(invitation, in: sql)
        return provider
    }
}
