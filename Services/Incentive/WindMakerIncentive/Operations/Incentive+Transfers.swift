public import WindMakerKit
public import WindMakerStorage

extension Incentive {
    /// The most transfers one request applies.
    public static let maximumTransfersPerRequest = 10_000

    /// What applying a group of transfers did.
    public struct TransfersOutcome: Hashable, Sendable {
        public var created: Int
        /// Ids already stored with the same content (a retry).
        public var existing: Int
    }

    /// Applies operator transfers (corrections, manual top-ups) whole or not at all, each posted at once, between
    /// accounts that exist. Ids the service names itself (`fund.…`, and every id with a `:`, which batch transfers
    /// carry) are refused, so a manual transfer can never stand in for a batch's.
    public func createTransfers(
        _ transfers: [Transfer],
        actor: String,
        at time: Timestamp,
        in sql: Transaction
    ) throws -> TransfersOutcome {
        guard (1 ... Self.maximumTransfersPerRequest).contains(transfers.count) else {
            throw IncentiveError.invalidArgument([
                FieldViolation(
                    field: "transfers",
                    description: "send 1 to \(Self.maximumTransfersPerRequest) transfers, found \(transfers.count)"
                )
            ])
        }
        for (index, transfer) in transfers.enumerated() {
            let id = transfer.id.rawValue
            if id.hasPrefix("fund.") || id.contains(":") {
                throw IncentiveError.invalidArgument([
                    FieldViolation(
                        field: "transfers[\(index)].id",
                        description: "ids starting with \"fund.\" or holding ':' are the service's own; choose another"
                    )
                ])
            }
            if transfer.state != .posted {
                throw IncentiveError.invalidArgument([
                    FieldViolation(field: "transfers[\(index)]", description: "operator transfers are posted at once")
                ])
            }
        }
        var named = Set<TransferID>()
        for (index, transfer) in transfers.enumerated() {
            if let corrected = transfer.corrects, !named.contains(corrected),
                try self.ledger.store.transfer(corrected, in: sql) == nil
            {
                throw IncentiveError.notFound(
                    what: "transfer \(corrected), which transfers[\(index)] says it corrects,"
                )
            }
            named.insert(transfer.id)
        }
        let outcomes: [LedgerEngine.Outcome]
        do {
            outcomes = try self.ledger.apply(transfers, at: time, in: sql)
        } catch let error as LedgerError {
            throw IncentiveError(error)
        }
        let created = outcomes.filter { if case .created = $0 { true } else { false } }.count
        try self.store.appendAudit(
            at: time,
            actor: actor,
            action: "transfers",
            program: nil,
            subject: transfers[0].id.rawValue,
            detail: "\(created) created, \(outcomes.count - created) already stored",
            in: sql
        )
        return TransfersOutcome(created: created, existing: outcomes.count - created)
    }
}
