import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceKit

extension RegistryService {
    /// For each (client, scope, date), the provider whose binding held it, in the queries' order; an empty
    /// attribution where none did. At most ``maximumAttributionQueries`` queries per call.
    public func resolveAttribution(
        request: RegistryV1.ResolveAttributionRequest,
        context: ServerContext
    ) async throws -> RegistryV1.ResolveAttributionResponse {
        guard request.queries.count <= Self.maximumAttributionQueries else {
            throw RegistryError.invalidArgument([
                FieldViolation(
                    field: "queries",
                    description: "at most \(Self.maximumAttributionQueries) queries per call, found "
                        + "\(request.queries.count); split the batch"
                )
            ])
        }
        let queries = try Self.attributionQueries(request.queries)
        let answers = try await self.calls.reading(context) { try self.registry.resolveAttribution(queries) }
        return RegistryV1.ResolveAttributionResponse(
            attributions: answers.map { answer in
                answer.map {
                    RegistryV1.Attribution(providerId: $0.providerID.description, bindingId: $0.bindingID.description)
                } ?? RegistryV1.Attribution()
            }
        )
    }

    private static func attributionQueries(
        _ wire: [RegistryV1.AttributionQuery]
    ) throws(InvalidRequest) -> [AttributionQuery] {
        var collector = ViolationCollector()
        var queries: [AttributionQuery] = []
        queries.reserveCapacity(wire.count)
        for (index, query) in wire.enumerated() {
            let field = "queries[\(index)]"
            let client = collector.check { () throws(RegistryError) in
                try ClientRef(wire: query.client, field: "\(field).client")
            }
            let scope = collector.check { () throws(RegistryError) in
                try WireEnums.bindingScope(query.scope, field: "\(field).scope")
            }
            let date = collector.check { () throws(InvalidRequest) in
                try CivilDate.required(query.date, field: "\(field).date")
            }
            if let client, let scope, let date {
                queries.append(AttributionQuery(client: client, scope: scope, date: date))
            }
        }
        try collector.finish()
        return queries
    }
}
