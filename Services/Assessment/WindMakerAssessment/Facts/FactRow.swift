public import WindMakerKit

/// A stored fact as a period's computation reads it: only what attribution and totals need, plus its hash.
/// Built by the store straight from the row's bytes, without the checks a ``Fact`` from a sender gets.
public struct FactRow: Sendable {
    public enum Subject: Sendable {
        case client(ClientKey)
        case provider(ProviderID)
    }

    public var subject: Subject
    public var date: CivilDate
    public var metric: Metric
    public var violationKind: ViolationKind?
    public var value: Int64
    /// See ``FactFingerprint``.
    public var hash: (UInt64, UInt64)

    public init(
        subject: Subject,
        date: CivilDate,
        metric: Metric,
        violationKind: ViolationKind?,
        value: Int64,
        hash: (UInt64, UInt64)
    ) {
        self.subject = subject
        self.date = date
        self.metric = metric
        self.violationKind = violationKind
        self.value = value
        self.hash = hash
    }

    /// The row of a checked fact (tests, and facts held in memory).
    public init(_ fact: Fact) {
        let subject: Subject =
            switch fact.subject {
            case .client(let client): .client(ClientKey(kind: client.kind, id: client.id))
            case .provider(let id): .provider(id)
            }
        self.init(
            subject: subject,
            date: fact.date,
            metric: fact.metric,
            violationKind: fact.violationKind,
            value: fact.value,
            hash: fact.fingerprintHash
        )
    }
}
