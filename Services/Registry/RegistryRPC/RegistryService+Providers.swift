import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceKit
import WindMakerStorage

extension RegistryService {
    /// A non-strategic provider applies; it starts `APPLIED`.
    public func apply(request: RegistryV1.ApplyRequest, context: ServerContext) async throws -> RegistryV1.ApplyResponse
    {
        // Strategic providers join by invitation: say so even when a field is also wrong.
        if request.profile?.type == .strategic { throw RegistryError.invitationRequired(.missing) }
        // Validated here, in parallel with other calls, so the serial write does only the store's work.
        let profile = try ProviderApplication.validatedProfile(wire: request.profile, field: "profile")
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in try self.registry.apply(profile, actor: actor, at: now, in: sql) },
            response: { RegistryV1.ApplyResponse(provider: RegistryV1.Provider($0)) }
        )
    }

    /// An operator invites a strategic provider by credit code.
    public func invite(
        request: RegistryV1.InviteRequest,
        context: ServerContext
    ) async throws -> RegistryV1.InviteResponse {
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in
                try self.registry.invite(
                    creditCode: request.creditCode,
                    organisationName: request.organisationName,
                    validDays: Int(request.validDays),
                    actor: actor,
                    at: now,
                    in: sql
                )
            },
            response: { invitation in
                RegistryV1.InviteResponse(
                    invitation: RegistryV1.Invitation(invitation, organisationName: invitation.organisationName ?? "")
                )
            }
        )
    }

    /// Creates the invited `ACTIVE` strategic provider.
    public func redeemInvitation(
        request: RegistryV1.RedeemInvitationRequest,
        context: ServerContext
    ) async throws -> RegistryV1.RedeemInvitationResponse {
        var collector = ViolationCollector()
        if request.code.isEmpty { collector.add(FieldViolation(field: "code", description: "is required")) }
        let application = collector.check { () throws(RegistryError) in
            try ProviderApplication(wire: request.profile, field: "profile")
        }
        try collector.finish()
        guard let application else { throw WireRequest.required("profile") }
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in
                try self.registry.redeemInvitation(
                    code: request.code,
                    application: application,
                    actor: actor,
                    at: now,
                    in: sql
                )
            },
            response: { RegistryV1.RedeemInvitationResponse(provider: RegistryV1.Provider($0)) }
        )
    }

    /// An operator approves an applied provider.
    public func approve(
        request: RegistryV1.TransitionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.TransitionResponse {
        try await self.transition(.approve, request, context: context)
    }

    /// An operator rejects an applied provider, with a reason.
    public func reject(
        request: RegistryV1.TransitionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.TransitionResponse {
        try await self.transition(.reject, request, context: context)
    }

    /// An operator suspends an active provider, with a reason.
    public func suspend(
        request: RegistryV1.TransitionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.TransitionResponse {
        try await self.transition(.suspend, request, context: context)
    }

    /// An operator reinstates a suspended provider.
    public func reinstate(
        request: RegistryV1.TransitionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.TransitionResponse {
        try await self.transition(.reinstate, request, context: context)
    }

    /// An operator terminates a provider, with a reason; its bindings end that day.
    public func terminate(
        request: RegistryV1.TransitionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.TransitionResponse {
        try await self.transition(.terminate, request, context: context)
    }

    private func transition(
        _ action: ProviderAction,
        _ request: RegistryV1.TransitionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.TransitionResponse {
        let id = try WireRequest.providerID(request.providerId, field: "provider_id")
        let reason = request.reason.isEmpty ? nil : request.reason
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in
                try self.registry.transition(
                    action,
                    providerID: id,
                    expectedVersion: request.expectedVersion,
                    reason: reason,
                    actor: actor,
                    at: now,
                    in: sql
                )
            },
            response: { RegistryV1.TransitionResponse(provider: RegistryV1.Provider($0)) }
        )
    }

    /// One provider.
    public func getProvider(
        request: RegistryV1.GetProviderRequest,
        context: ServerContext
    ) async throws -> RegistryV1.GetProviderResponse {
        let id = try WireRequest.providerID(request.providerId, field: "provider_id")
        let provider = try await self.calls.reading(context) { try self.registry.provider(id) }
        return RegistryV1.GetProviderResponse(provider: RegistryV1.Provider(provider))
    }

    /// One page of providers, filtered by type, status and region, in id order.
    public func listProviders(
        request: RegistryV1.ListProvidersRequest,
        context: ServerContext
    ) async throws -> RegistryV1.ListProvidersResponse {
        var collector = ViolationCollector()
        let type = collector.check { () throws(RegistryError) in
            try WireEnums.providerTypeFilter(request.type, field: "type")
        }
        let status = collector.check { () throws(RegistryError) in
            try WireEnums.providerStatusFilter(request.status, field: "status")
        }
        let region = collector.check { () throws(RegistryError) in
            try WireRequest.region(request.region, field: "region")
        }
        try collector.finish()
        let filter = ProviderFilter(type: type ?? nil, status: status ?? nil, region: region ?? nil)
        let page = try await self.calls.reading(context) {
            try self.registry.listProviders(filter, page: WireRequest.page(request.page))
        }
        return RegistryV1.ListProvidersResponse(
            providers: page.items.map(RegistryV1.Provider.init),
            page: CommonV1.PageResponse(nextPageToken: page.nextPageToken ?? "")
        )
    }

    /// A provider's audit trail, oldest first.
    public func providerHistory(
        request: RegistryV1.ProviderHistoryRequest,
        context: ServerContext
    ) async throws -> RegistryV1.ProviderHistoryResponse {
        let id = try WireRequest.providerID(request.providerId, field: "provider_id")
        let entries = try await self.calls.reading(context) { try self.registry.history(of: id) }
        return RegistryV1.ProviderHistoryResponse(entries: entries.map(RegistryV1.AuditEntry.init))
    }
}
