import ArgumentParser
import WindMakerMessages
import WindMakerRPC

/// A failed call as the operator sees it: the status code and the server's message, then one `field: description`
/// line per field violation the server attached (`RPCV1.BadRequest`).
struct CLIError: Error, CustomStringConvertible {
    static let badRequestTypeURL = "type.windmaker/\(RPCV1.BadRequest.protoName)"

    let error: RPCError

    init(_ error: RPCError) {
        self.error = error
    }

    var description: String {
        let lines =
            ["\(self.error.code): \(self.error.message)"] + self.violations.map { "\($0.field): \($0.description)" }
        return lines.joined(separator: "\n")
    }

    /// The field violations in the error's details; details that do not decode are skipped.
    var violations: [RPCV1.FieldViolation] {
        self.error.details.filter { $0.typeURL == Self.badRequestTypeURL }.flatMap { detail in
            let request = detail.value.withUnsafeBytes { bytes in try? RPCV1.BadRequest(serializedBytes: bytes) }
            return request?.violations ?? []
        }
    }
}
