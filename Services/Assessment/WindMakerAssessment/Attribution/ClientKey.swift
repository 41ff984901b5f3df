public import WindMakerKit

/// A client as the key of attribution tables: kind and id, hashed once when read (FNV-1a over the id's bytes) rather
/// than by the standard hasher on every lookup, since a period's computation looks one up per fact.
public struct ClientKey: Hashable, Sendable {
    public let kind: ClientKind
    public let id: String
    private let idHash: UInt64

    public init(kind: ClientKind, id: String) {
        self.kind = kind
        self.id = id
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        self.idHash = hash
    }

    public static func == (lhs: ClientKey, rhs: ClientKey) -> Bool {
        lhs.idHash == rhs.idHash && lhs.kind == rhs.kind && lhs.id == rhs.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.idHash)
        hasher.combine(self.kind)
    }
}
