public import WindMakerKit

extension ProviderType {
    /// Whether an application of this type must name a ``Region``.
    public var requiresRegion: Bool { self == .local }

    /// Whether this type joins only by redeeming an ``Invitation``.
    public var requiresInvitation: Bool { self == .strategic }
}
