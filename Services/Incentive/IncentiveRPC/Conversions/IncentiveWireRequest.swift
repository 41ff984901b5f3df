import WindMakerIncentive
import WindMakerKit
import WindMakerMessages

/// Reading request fields into domain values; every refusal names the request's field.
enum IncentiveWireRequest {
    static func program(_ text: String, field: String = "program_id") throws(IncentiveError) -> ProgramID {
        try IncentiveError.checking { () throws(InvalidRequest) in try ProgramID(text, field: field) }
    }

    static func period(_ text: String, field: String = "period") throws(IncentiveError) -> PeriodID {
        try IncentiveError.checking { () throws(InvalidRequest) in try PeriodID(text, field: field) }
    }

    static func batch(_ text: String, field: String = "batch_id") throws(IncentiveError) -> BatchID {
        try IncentiveError.checking { () throws(InvalidRequest) in try BatchID(text, field: field) }
    }

    static func provider(_ text: String, field: String = "provider_id") throws(IncentiveError) -> ProviderID {
        do {
            return try ProviderID(text)
        } catch {
            throw .invalidArgument([FieldViolation(field: field, description: "\(error)")])
        }
    }

    /// One operator transfer, posted; every field checked and named by its position.
    static func transfer(_ wire: IncentiveV1.Transfer, index: Int) throws(IncentiveError) -> Transfer {
        let path = "transfers[\(index)]"
        do throws(LedgerError) {
            guard let unit = LedgerUnit(rawValue: wire.unit) else {
                throw LedgerError.invalid(field: "\(path).unit", "must be FEN or IMPRESSIONS, found \"\(wire.unit)\"")
            }
            return Transfer(
                id: try TransferID(wire.id, field: "\(path).id"),
                debit: try AccountID(wire.debitAccount, field: "\(path).debit_account"),
                credit: try AccountID(wire.creditAccount, field: "\(path).credit_account"),
                amount: wire.amount,
                unit: unit,
                pending: false,
                corrects: wire.corrects.isEmpty ? nil : try TransferID(wire.corrects, field: "\(path).corrects")
            )
        } catch {
            throw IncentiveError(error)
        }
    }
}
