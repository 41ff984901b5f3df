import WindMakerMessages

extension RPCV1.Status {
    /// What a truncated status's message ends with, so the reader knows there was more.
    static let truncationNotice = " … [status truncated to fit in a frame]"

    /// This status, trimmed so that it encodes to at most `limit` bytes: unchanged when it fits already.
    ///
    /// A status too large for a frame still has to reach the client, with its code: replacing it by `INTERNAL` would
    /// turn a caller's `INVALID_ARGUMENT` into the server's fault. What is cut, in order: trailing metadata when it
    /// alone would take half the frame; the message, to at most half of what is left (at a character boundary, with
    /// ``truncationNotice``); then the details that no longer fit, from the first that does not (a detail is one
    /// encoded message, which cannot be cut in the middle).
    /// - Parameter limit: the largest payload a frame may carry; at least a few hundred bytes.
    func fitted(within limit: Int) -> RPCV1.Status {
        guard StatusSize.of(self) > limit else { return self }
        var fitted = RPCV1.Status(code: self.code, message: "", details: [], metadata: self.metadata)
        let fixed = StatusSize.of(fitted)
        if fixed > limit / 2 { fitted.metadata = [] }
        // Room kept for the notice's field header as well as its text.
        var remaining = limit - StatusSize.of(fitted) - Self.truncationNotice.utf8.count - 8
        let share = self.details.isEmpty ? remaining : remaining / 2
        let message = Self.prefix(of: self.message, utf8Count: max(0, share - 8))
        remaining -= StatusSize.field(message.utf8.count)
        for detail in self.details {
            let size = StatusSize.field(StatusSize.of(detail))
            guard size <= remaining else { break }
            fitted.details.append(detail)
            remaining -= size
        }
        fitted.message = message + Self.truncationNotice
        guard StatusSize.of(fitted) <= limit else {
            // Only a limit too small for any text gets here; the code still goes through.
            return RPCV1.Status(code: self.code, message: "")
        }
        return fitted
    }

    /// The longest prefix of `text` whose UTF-8 takes at most `utf8Count` bytes, cut between Unicode scalars so that
    /// it stays valid UTF-8.
    private static func prefix(of text: String, utf8Count: Int) -> String {
        guard text.utf8.count > utf8Count else { return text }
        var result = String.UnicodeScalarView()
        var used = 0
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            guard used + width <= utf8Count else { break }
            result.append(scalar)
            used += width
        }
        return String(result)
    }
}
