/// The rule for the version a mutation says it read (`expected_version`).
///
/// Versions start at 1, so 0 or a negative number was never read from anywhere: it is a malformed request
/// (`INVALID_ARGUMENT`), not a stale read (`ABORTED`), which tells the caller to read again and retry in vain.
package enum ExpectedVersion {
    /// - Throws: ``InvalidRequest`` naming `expected_version` when `version` is below 1.
    package static func check(_ version: Int64) throws(InvalidRequest) {
        guard version >= 1 else {
            throw InvalidRequest(field: "expected_version", "version must be at least 1, found \(version)")
        }
    }
}
