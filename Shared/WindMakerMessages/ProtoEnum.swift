/// An enum generated from a proto3 enum: open, so numbers this version does not know survive a round trip.
///
/// ```swift
/// let status = HealthV1.ServingStatus(rawValue: 7)  // .unrecognized(7), never nil
/// status.rawValue                                   // 7
/// ```
public protocol ProtoEnum: Sendable, Hashable, RawRepresentable where RawValue == Int32 {
    /// The cases declared in the proto, in declaration order.
    static var knownCases: [Self] { get }

    /// The proto3 default: the case numbered 0.
    init()

    /// The case with this number, or `.unrecognized(rawValue)`; never fails.
    init(rawValue: Int32)
}
