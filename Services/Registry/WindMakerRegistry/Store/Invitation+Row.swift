import WindMakerKit
internal import WindMakerStorage
import WindMakerStoreKit

extension Invitation {
    /// The `invitations` columns, in the order of ``rowValues``.
    static let columns = [
        "code", "credit_code", "organisation_name", "issued_by", "issued_at_micros", "expires_at_micros",
        "redeemed_at_micros", "redeemed_provider_id",
    ]

    /// The values of ``columns`` for this invitation.
    var rowValues: [SQLValue] {
        [
            .text(self.code.rawValue), .text(self.creditCode.rawValue), self.organisationName.sqlText,
            .text(self.issuedBy), self.issuedAt.sqlValue, self.expiresAt.sqlValue,
            self.redeemedAt?.sqlValue ?? .null, self.redeemedProviderID.map { .text($0.rawValue) } ?? .null,
        ]
    }

    /// Reads an invitation from an `invitations` row.
    init(row: Row) throws(StorageError) {
        self.init(
            code: try row.parsed("code", InvitationCode.init),
            creditCode: try row.parsed("credit_code", CreditCode.init),
            organisationName: try row.value("organisation_name", as: String?.self),
            issuedBy: try row.value("issued_by"),
            issuedAt: try row.timestamp("issued_at_micros"),
            expiresAt: try row.timestamp("expires_at_micros"),
            redeemedAt: try row.timestampIfPresent("redeemed_at_micros"),
            redeemedProviderID: try row.parsedIfPresent("redeemed_provider_id", ProviderID.init)
        )
    }
}
