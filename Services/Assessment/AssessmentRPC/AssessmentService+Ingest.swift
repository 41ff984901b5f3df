import WindMakerAssessment
import WindMakerKit
public import WindMakerMessages
public import WindMakerRPC
import WindMakerServiceKit

extension AssessmentService {
    /// Stores each message's facts in one durable write as it arrives, and answers with the counts of the whole
    /// call. A message over ``AssessmentSettings/maximumFactsPerMessage`` facts ends the call with
    /// `INVALID_ARGUMENT`; the messages before it are stored, and sending them again is safe (each fact id is its
    /// own idempotency key).
    public func ingest(
        requests: RequestStream<AssessmentV1.IngestRequest>,
        context: ServerContext
    ) async throws -> AssessmentV1.IngestResponse {
        try await self.calls.guarded(context) {
            var outcome = IngestOutcome()
            var index = 0
            let rules = FactRules(
                programStart: self.settings.programStart,
                today: BusinessCalendar.date(of: self.calls.clock())
            )
            for try await message in requests {
                guard message.facts.count <= AssessmentSettings.maximumFactsPerMessage else {
                    throw AssessmentError.invalidArgument([
                        FieldViolation(
                            field: "facts",
                            description: "at most \(AssessmentSettings.maximumFactsPerMessage) facts per message, "
                                + "found \(message.facts.count); split the batch (facts sent before this message: \(index), all stored)"
                        )
                    ])
                }
                var batch: [IncomingFact] = []
                batch.reserveCapacity(message.facts.count)
                for fact in message.facts {
                    batch.append(WireRequest.fact(fact, index: index, rules: rules))
                    index += 1
                }
                outcome.add(try await self.assessment.ingest(batch, receivedAt: self.calls.clock()))
            }
            return AssessmentV1.IngestResponse(outcome)
        }
    }
}
