public import WindMakerKit
import WindMakerMessages
public import WindMakerRPC

/// Field violations on the wire: the one encoder of the `windmaker.rpc.v1.BadRequest` detail that `INVALID_ARGUMENT`
/// carries, and the one decoder (for clients such as `wmctl`).
public enum BadRequest {
    /// The type URL of the detail.
    public static let typeURL = "type.windmaker/\(RPCV1.BadRequest.protoName)"

    /// `INVALID_ARGUMENT` listing `violations`: the message summarises them (``FieldViolation/summary(of:)``) and the
    /// detail lists at most ``FieldViolation/reportedMaximum`` of them, then how many more.
    public static func status(_ violations: [FieldViolation]) -> RPCError {
        RPCError(.invalidArgument, FieldViolation.summary(of: violations), details: Self.details(violations))
    }

    /// The violations listed in `error`'s details; details that do not decode are skipped.
    public static func violations(in error: RPCError) -> [FieldViolation] {
        error.details.filter { $0.typeURL == Self.typeURL }.flatMap { detail in
            let request = detail.value.withUnsafeBytes { bytes in try? RPCV1.BadRequest(serializedBytes: bytes) }
            return (request?.violations ?? []).map { FieldViolation(field: $0.field, description: $0.description) }
        }
    }

    private static func details(_ violations: [FieldViolation]) -> [RPCErrorDetail] {
        guard !violations.isEmpty else { return [] }
        let badRequest = RPCV1.BadRequest(
            violations: FieldViolation.capped(violations).map {
                RPCV1.FieldViolation(field: $0.field, description: $0.description)
            }
        )
        // Encoding fails only for a string containing NUL (echoed user input); the message still carries the text.
        guard let bytes = try? badRequest.serializedBytes() else { return [] }
        return [RPCErrorDetail(typeURL: Self.typeURL, value: bytes)]
    }
}

extension InvalidRequest: RPCErrorConvertible {
    public var rpcError: RPCError { BadRequest.status(self.violations) }
}
