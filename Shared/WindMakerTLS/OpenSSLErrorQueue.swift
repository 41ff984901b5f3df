internal import CWindMakerOpenSSL

/// Reads OpenSSL's thread-local error queue.
///
/// OpenSSL reports failures by pushing entries onto a per-thread queue, and `SSL_get_error` consults that queue:
/// an entry left behind by one connection would make the next connection on the same event loop thread look
/// failed. So every failure path drains the queue, and operations whose outcome we classify clear it first.
enum OpenSSLErrorQueue {
    /// One drained failure: the short reason of the first entry and the full text of every entry.
    struct Drained {
        var reasons: [String]
        var lines: [String]

        /// The most specific short reason, or `fallback` when the queue was empty.
        func summary(fallback: String) -> String {
            self.reasons.first ?? fallback
        }
    }

    /// Removes every entry from the calling thread's queue and returns them.
    static func drain() -> Drained {
        var drained = Drained(reasons: [], lines: [])
        while true {
            let code = ERR_get_error()
            if code == 0 { break }
            if let reason = ERR_reason_error_string(code) {
                drained.reasons.append(String(cString: reason))
            }
            drained.lines.append(self.line(for: code))
        }
        return drained
    }

    /// Discards any stale entries before an operation whose result we classify with `SSL_get_error`.
    static func clear() {
        ERR_clear_error()
    }

    private static func line(for code: UInt) -> String {
        withUnsafeTemporaryAllocation(of: CChar.self, capacity: 256) { buffer in
            ERR_error_string_n(code, buffer.baseAddress, buffer.count)
            return String(cString: buffer.baseAddress!)
        }
    }
}
