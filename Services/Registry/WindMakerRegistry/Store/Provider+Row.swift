import WindMakerKit
internal import WindMakerStorage
import WindMakerStoreKit

extension Provider {
    /// The `providers` columns, in the order of ``rowValues``.
    static let columns = [
        "id", "credit_code", "display_name", "legal_name", "type", "region",
        "contact_name", "contact_phone", "contact_email",
        "traffic_operation_description", "traffic_operation_rating",
        "live_stream_operation_description", "live_stream_operation_rating",
        "streamer_incubation_description", "streamer_incubation_rating",
        "supply_chain_description", "supply_chain_rating",
        "service_fulfilment_description", "service_fulfilment_rating",
        "status", "status_reason", "created_at_micros", "updated_at_micros", "version",
    ]

    /// The values of ``columns`` for this provider.
    var rowValues: [SQLValue] {
        let profile = self.profile
        let capabilities = profile.capabilities
        var values: [SQLValue] = [
            .text(self.id.rawValue), .text(profile.creditCode.rawValue), .text(profile.displayName),
            .text(profile.legalName), .text(profile.type.rawValue), profile.region.map { .text($0.code) } ?? .null,
            .text(profile.contact.name), .text(profile.contact.phone), .text(profile.contact.email),
        ]
        for capability in [
            capabilities.trafficOperation, capabilities.liveStreamOperation, capabilities.streamerIncubation,
            capabilities.supplyChain, capabilities.serviceFulfilment,
        ] {
            values.append(.text(capability.summary))
            values.append(.integer(Int64(capability.selfRating)))
        }
        values += [
            .text(self.status.rawValue), self.lifecycle.reason.sqlText, self.createdAt.sqlValue,
            self.updatedAt.sqlValue, .integer(self.version),
        ]
        return values
    }

    /// Reads a provider from a `providers` row and its categories in position order.
    init(row: Row, categories: [String]) throws(StorageError) {
        func capability(_ prefix: String) throws(StorageError) -> Capability {
            Capability(
                summary: try row.value("\(prefix)_description", as: String.self),
                selfRating: try row.value("\(prefix)_rating", as: Int.self)
            )
        }
        let profile = ProviderProfile(
            displayName: try row.value("display_name"),
            legalName: try row.value("legal_name"),
            creditCode: try row.parsed("credit_code", CreditCode.init),
            type: try row.enumeration("type"),
            region: try row.parsedIfPresent("region", Region.init),
            categories: categories,
            contact: Contact(
                name: try row.value("contact_name"),
                phone: try row.value("contact_phone"),
                email: try row.value("contact_email")
            ),
            capabilities: Capabilities(
                trafficOperation: try capability("traffic_operation"),
                liveStreamOperation: try capability("live_stream_operation"),
                streamerIncubation: try capability("streamer_incubation"),
                supplyChain: try capability("supply_chain"),
                serviceFulfilment: try capability("service_fulfilment")
            )
        )
        self.init(
            id: try row.parsed("id", ProviderID.init),
            profile: profile,
            lifecycle: ProviderLifecycle(
                status: try row.enumeration("status"),
                reason: try row.value("status_reason", as: String?.self)
            ),
            createdAt: try row.timestamp("created_at_micros"),
            updatedAt: try row.timestamp("updated_at_micros"),
            version: try row.value("version")
        )
    }
}
