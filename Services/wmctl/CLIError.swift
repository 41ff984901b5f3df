import ArgumentParser
import WindMakerKit
import WindMakerRPC
import WindMakerServiceKit

/// A failed call as the operator sees it: the status code and the server's message; or, when the server listed field
/// violations (`RPCV1.BadRequest`), the code and one `flag: description` line per violation, each once and under the
/// flag the operator typed when ``FlagNames`` knows it. Everything from the server goes through
/// ``TerminalText/escaped(_:)``.
struct CLIError: Error, CustomStringConvertible {
    let error: RPCError
    let flags: FlagNames

    init(_ error: RPCError, flags: FlagNames = FlagNames()) {
        self.error = error
        self.flags = flags
    }

    var description: String {
        let violations = self.violations
        // The message of a refusal with violations lists them again; print them once, from the details.
        guard !violations.isEmpty else { return "\(self.error.code): \(TerminalText.escaped(self.error.message))" }
        let lines = violations.map { violation in
            let description = TerminalText.escaped(violation.description)
            if violation.field.isEmpty { return description }
            let name = self.flags.flag(for: violation.field) ?? TerminalText.escaped(violation.field)
            return "\(name): \(description)"
        }
        return (["\(self.error.code): invalid request"] + lines).joined(separator: "\n")
    }

    /// The field violations in the error's details; details that do not decode are skipped.
    var violations: [FieldViolation] { BadRequest.violations(in: self.error) }
}
