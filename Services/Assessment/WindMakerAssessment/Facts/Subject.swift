public import WindMakerKit

/// Whose figure a fact is: a client, attributed to a provider through its bindings, or a provider itself.
public enum Subject: Hashable, Sendable, CustomStringConvertible {
    case client(ClientRef)
    case provider(ProviderID)

    /// The kind stored and sent on the wire: `MERCHANT`, `BRAND`, `STREAMER` or `PROVIDER`.
    public var kind: String {
        switch self {
        case .client(let client): client.kind.rawValue
        case .provider: "PROVIDER"
        }
    }

    /// The client's or provider's id.
    public var id: String {
        switch self {
        case .client(let client): client.id
        case .provider(let provider): provider.rawValue
        }
    }

    /// Reads a subject from its kind and id.
    /// - Throws: ``FactRejection`` naming `subject.kind` or `subject.id`.
    public init(kind: String, id: String) throws(FactRejection) {
        if kind == "PROVIDER" {
            do {
                self = .provider(try ProviderID(id))
            } catch {
                throw FactRejection(field: "subject.id", "\(error)")
            }
            return
        }
        guard let clientKind = ClientKind(rawValue: kind) else {
            throw FactRejection(
                field: "subject.kind",
                "unknown subject kind \"\(kind)\": use MERCHANT, BRAND, STREAMER or PROVIDER"
            )
        }
        do {
            self = .client(try ClientRef(kind: clientKind, id: id))
        } catch {
            throw FactRejection(field: "subject.id", "\(error)")
        }
    }

    public var description: String { "\(self.kind)/\(self.id)" }
}
