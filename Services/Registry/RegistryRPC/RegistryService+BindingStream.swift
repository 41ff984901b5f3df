import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceKit

extension RegistryService {
    /// The bindings one stream message carries at most.
    public static let bindingStreamBatch = 1_000
    /// The longest date range a binding stream covers, in days: three years and some, enough for a year-long club
    /// window with its scoring window.
    public static let maximumBindingStreamDays = 1_100

    /// Every confirmed binding in force on some day of `from ... through`, all providers, in batches of at most
    /// ``bindingStreamBatch`` in id order. Each batch is read in its own short transaction, so a slow reader holds
    /// no lock, and the per-call window bounds what waits in memory.
    public func streamBindings(
        request: RegistryV1.StreamBindingsRequest,
        responses: ResponseWriter<RegistryV1.StreamBindingsResponse>,
        context: ServerContext
    ) async throws {
        var collector = ViolationCollector()
        let from = collector.check { () throws(InvalidRequest) in try CivilDate.required(request.from, field: "from") }
        let through = collector.check { () throws(InvalidRequest) in
            try CivilDate.required(request.through, field: "through")
        }
        if let from, let through {
            if through < from {
                collector.add(FieldViolation(field: "through", description: "is before from (\(from))"))
            } else if from.daysUntil(through) >= Self.maximumBindingStreamDays {
                collector.add(
                    FieldViolation(
                        field: "through",
                        description: "the range may span at most \(Self.maximumBindingStreamDays) days"
                    )
                )
            }
        }
        try collector.finish()
        guard let from, let through else { return }
        var after: BindingID?
        while true {
            let position = after
            let batch = try await self.calls.reading(context) {
                try self.registry.bindingsInForce(
                    from: from,
                    through: through,
                    after: position,
                    limit: Self.bindingStreamBatch
                )
            }
            guard !batch.isEmpty else { return }
            try await responses.write(RegistryV1.StreamBindingsResponse(bindings: batch.map(RegistryV1.Binding.init)))
            guard batch.count == Self.bindingStreamBatch else { return }
            after = batch.last?.id
        }
    }
}
