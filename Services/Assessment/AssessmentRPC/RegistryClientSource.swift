public import WindMakerAssessment
public import WindMakerKit
import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceAPI
import WindMakerServiceKit

/// ``RegistrySource`` over the registry's RPC API, called with the assessment's own identity. Each call inherits the
/// remaining deadline of the assessment call it serves; when the registry cannot answer, the operation fails with
/// `UNAVAILABLE` rather than scoring on guesses.
public struct RegistryClientSource: RegistrySource {
    private let registry: RegistryV1.Registry.Client

    public init(client: RPCClient) {
        self.registry = RegistryV1.Registry.Client(client)
    }

    public func activeProviders() async throws -> [PeriodComputation.Provider] {
        var providers: [PeriodComputation.Provider] = []
        var token = ""
        repeat {
            let page = try await Self.calling {
                try await self.registry.listProviders(
                    RegistryV1.ListProvidersRequest(
                        status: .active,
                        page: CommonV1.PageRequest(pageSize: 500, pageToken: token)
                    ),
                    options: CallOptions(isIdempotent: true)
                )
            }
            for provider in page.providers {
                providers.append(try Self.provider(provider))
            }
            token = page.page?.nextPageToken ?? ""
        } while !token.isEmpty
        return providers
    }

    public func bindings(from first: CivilDate, through last: CivilDate) async throws -> [BindingSpan] {
        try await Self.calling {
            try await self.registry.streamBindings(
                RegistryV1.StreamBindingsRequest(from: first.wire, through: last.wire),
                options: CallOptions(isIdempotent: true)
            ) { stream in
                var spans: [BindingSpan] = []
                for try await batch in stream {
                    for binding in batch.bindings {
                        if let span = try Self.span(binding) { spans.append(span) }
                    }
                }
                return spans
            }
        }
    }

    private static func calling<T>(_ body: () async throws -> T) async throws -> T {
        try await UpstreamCall.run("registry", for: "assessment", body)
    }

    private static func provider(_ wire: RegistryV1.Provider) throws -> PeriodComputation.Provider {
        guard let id = try? ProviderID(wire.id) else { throw UnreadableReply(what: "provider \(wire.id)") }
        guard let type = try? ProgramWire.providerType(wire.profile?.type ?? .unspecified, field: "type") else {
            throw UnreadableReply(what: "provider \(id) (no known type)")
        }
        return PeriodComputation.Provider(id: id, type: type)
    }

    /// The binding as a span, or `nil` for one ended before it started (it never took effect).
    private static func span(_ wire: RegistryV1.Binding) throws -> BindingSpan? {
        let kind = try? ProgramWire.clientKind(wire.client?.kind ?? .unspecified, field: "client.kind")
        let scope = try? ProgramWire.bindingScope(wire.scope, field: "scope")
        let unreadable = UnreadableReply(what: "binding \(wire.id)")
        guard let provider = try? ProviderID(wire.providerId), let kind, let scope,
            let client = try? ClientRef(kind: kind, id: wire.client?.id ?? ""),
            let start = try? CivilDate.required(wire.start, field: "start")
        else { throw unreadable }
        let end: CivilDate?
        do {
            end = try CivilDate.optional(wire.end, field: "end")
        } catch {
            throw unreadable
        }
        guard let dates = try? DateRange(start: start, end: end) else { return nil }
        return BindingSpan(id: wire.id, providerID: provider, client: client, scope: scope, dates: dates)
    }
}
