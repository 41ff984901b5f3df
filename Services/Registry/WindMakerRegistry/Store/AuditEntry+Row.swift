import WindMakerKit
internal import WindMakerStorage
import WindMakerStoreKit

extension AuditEntry {
    /// The values of `provider_id, actor, at_micros, from_status, to_status, reason`, in that order.
    var rowValues: [SQLValue] {
        [
            .text(self.providerID.rawValue), .text(self.actor), self.at.sqlValue,
            self.from.map { .text($0.rawValue) } ?? .null,
            .text(self.to.rawValue), self.reason.sqlText,
        ]
    }

    /// Reads an entry from an `audit_entries` row.
    init(row: Row) throws(StorageError) {
        self.init(
            providerID: try row.parsed("provider_id", ProviderID.init),
            actor: try row.value("actor"),
            at: try row.timestamp("at_micros"),
            from: try row.value("from_status", as: String?.self).map { (text) throws(StorageError) in
                guard let status = ProviderStatus(rawValue: text) else {
                    throw StorageError(.invalidValue, "column from_status: unknown status \"\(text)\"")
                }
                return status
            },
            to: try row.enumeration("to_status"),
            reason: try row.value("reason", as: String?.self)
        )
    }
}
