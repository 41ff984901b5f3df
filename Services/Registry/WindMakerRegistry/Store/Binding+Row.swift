import WindMakerKit
internal import WindMakerStorage
import WindMakerStoreKit

extension Binding {
    /// The `bindings` columns, in the order of ``rowValues(createdAt:)``.
    static let columns = [
        "id", "provider_id", "client_kind", "client_id", "scope", "start_date", "end_date", "state", "ended_on",
        "proposed_by", "confirmed_by", "version", "created_at_micros",
    ]

    /// The values of ``columns`` for this binding.
    func rowValues(createdAt: Timestamp) -> [SQLValue] {
        [
            .text(self.id.rawValue), .text(self.providerID.rawValue), .text(self.client.kind.rawValue),
            .text(self.client.id), .text(self.scope.rawValue), self.range.start.sqlValue,
            self.range.end?.sqlValue ?? .null, .text(self.state.name), self.endedOn?.sqlValue ?? .null,
            .text(self.proposedBy), self.confirmedBy.sqlText, .integer(self.version), createdAt.sqlValue,
        ]
    }

    /// The end date of an ended binding.
    var endedOn: CivilDate? {
        if case .ended(let date) = self.state { return date }
        return nil
    }

    /// Reads a binding from a `bindings` row.
    init(row: Row) throws(StorageError) {
        let start = try row.parsed("start_date", CivilDate.init)
        let end = try row.parsedIfPresent("end_date", CivilDate.init)
        let range: DateRange
        do {
            range = try DateRange(start: start, end: end)
        } catch {
            throw StorageError(.invalidValue, "columns start_date, end_date: \(error)")
        }
        let stateName = try row.value("state", as: String.self)
        let endedOn = try row.parsedIfPresent("ended_on", CivilDate.init)
        let state: State
        switch (stateName, endedOn) {
        case ("PROPOSED", nil): state = .proposed
        case ("ACTIVE", nil): state = .active
        case ("REJECTED", nil): state = .rejected
        case ("ENDED", let date?): state = .ended(on: date)
        default:
            throw StorageError(
                .invalidValue,
                "columns state, ended_on: \(stateName) with \(endedOn.map { "\($0)" } ?? "NULL")"
            )
        }
        let client: ClientRef
        do {
            client = try ClientRef(kind: try row.enumeration("client_kind"), id: try row.value("client_id"))
        } catch let error as StorageError {
            throw error
        } catch {
            throw StorageError(.invalidValue, "column client_id: \(error)")
        }
        self.init(
            id: try row.parsed("id", BindingID.init),
            providerID: try row.parsed("provider_id", ProviderID.init),
            client: client,
            scope: try row.enumeration("scope"),
            range: range,
            state: state,
            proposedBy: try row.value("proposed_by"),
            confirmedBy: try row.value("confirmed_by", as: String?.self),
            version: try row.value("version")
        )
    }
}
