import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceKit
import WindMakerStorage

extension RegistryService {
    /// The provider (portal) proposes to serve a client in a scope over a date range; the binding starts `PROPOSED`.
    public func proposeBinding(
        request: RegistryV1.ProposeBindingRequest,
        context: ServerContext
    ) async throws -> RegistryV1.ProposeBindingResponse {
        var collector = ViolationCollector()
        let providerID = collector.check { () throws(RegistryError) in
            try WireRequest.providerID(request.providerId, field: "provider_id")
        }
        let client = collector.check { () throws(RegistryError) in try ClientRef(wire: request.client, field: "client")
        }
        let scope = collector.check { () throws(RegistryError) in
            try WireEnums.bindingScope(request.scope, field: "scope")
        }
        let start = collector.check { () throws(InvalidRequest) in try CivilDate.required(request.start, field: "start")
        }
        let end = collector.check { () throws(InvalidRequest) in try CivilDate.optional(request.end, field: "end") }
        var range: DateRange?
        if let start, let end {
            do {
                range = try DateRange(start: start, end: end)
            } catch {
                collector.add(FieldViolation(field: "end", description: error.description))
            }
        }
        try collector.finish()
        guard let providerID, let client, let scope, let range else { throw WireRequest.required("provider_id") }
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in
                try self.registry.proposeBinding(
                    providerID: providerID,
                    client: client,
                    scope: scope,
                    range: range,
                    actor: actor,
                    at: now,
                    in: sql
                )
            },
            response: { RegistryV1.ProposeBindingResponse(binding: RegistryV1.Binding($0)) }
        )
    }

    /// An operator (for the client side) confirms a proposed binding; it is then in force.
    public func confirmBinding(
        request: RegistryV1.ConfirmBindingRequest,
        context: ServerContext
    ) async throws -> RegistryV1.ConfirmBindingResponse {
        let id = try WireRequest.bindingID(request.bindingId, field: "binding_id")
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in
                try self.registry.confirmBinding(
                    id,
                    expectedVersion: request.expectedVersion,
                    actor: actor,
                    at: now,
                    in: sql
                )
            },
            response: { RegistryV1.ConfirmBindingResponse(binding: RegistryV1.Binding($0)) }
        )
    }

    /// An operator ends an active binding: it covers no day after `end`.
    public func endBinding(
        request: RegistryV1.EndBindingRequest,
        context: ServerContext
    ) async throws -> RegistryV1.EndBindingResponse {
        var collector = ViolationCollector()
        let id = collector.check { () throws(RegistryError) in
            try WireRequest.bindingID(request.bindingId, field: "binding_id")
        }
        let end = collector.check { () throws(InvalidRequest) in try CivilDate.required(request.end, field: "end") }
        try collector.finish()
        guard let id, let end else { throw WireRequest.required("binding_id") }
        let actor = context.peer.description
        return try await self.calls.mutating(
            request,
            context: context,
            { sql, now in
                try self.registry.endBinding(
                    id,
                    on: end,
                    expectedVersion: request.expectedVersion,
                    actor: actor,
                    at: now,
                    in: sql
                )
            },
            response: { RegistryV1.EndBindingResponse(binding: RegistryV1.Binding($0)) }
        )
    }

    /// One page of the bindings of a provider or of a client (exactly one of them), optionally only those in
    /// force on a date.
    public func listBindings(
        request: RegistryV1.ListBindingsRequest,
        context: ServerContext
    ) async throws -> RegistryV1.ListBindingsResponse {
        var collector = ViolationCollector()
        var subject: BindingSubject?
        switch (request.providerId.isEmpty, request.client) {
        case (false, nil):
            subject = collector.check { () throws(RegistryError) in
                .provider(try WireRequest.providerID(request.providerId, field: "provider_id"))
            }
        case (true, let client?):
            subject = collector.check { () throws(RegistryError) in
                .client(try ClientRef(wire: client, field: "client"))
            }
        case (true, nil), (false, _?):
            collector.add(
                FieldViolation(field: "provider_id", description: "set exactly one of provider_id and client")
            )
        }
        let date = collector.check { () throws(InvalidRequest) in try CivilDate.optional(request.on, field: "on") }
        try collector.finish()
        guard let subject else { throw WireRequest.required("provider_id") }
        let page = try await self.calls.reading(context) {
            try self.registry.listBindings(subject, on: date ?? nil, page: WireRequest.page(request.page))
        }
        return RegistryV1.ListBindingsResponse(
            bindings: page.items.map(RegistryV1.Binding.init),
            page: CommonV1.PageResponse(nextPageToken: page.nextPageToken ?? "")
        )
    }
}
