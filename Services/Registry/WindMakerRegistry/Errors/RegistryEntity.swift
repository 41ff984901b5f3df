/// The kinds of thing the registry looks up, for ``RegistryError/notFound(_:id:)``.
public enum RegistryEntity: String, Hashable, Sendable, CustomStringConvertible {
    case provider
    case invitation
    case binding

    public var description: String { self.rawValue }
}
