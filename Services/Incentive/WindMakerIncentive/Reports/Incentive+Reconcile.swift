import WindMakerStorage

extension Incentive {
    /// Re-derives every balance from the transfers in one pass (``LedgerReconciliation``) and checks the batches
    /// against them: each line's transfers are there in the state its status implies (reservations pending while
    /// the line is pending or held, posted with its payout and clawback once it is paid, voided with nothing else once
    /// it is voided), no batch transfer belongs to no line, and every line's status fits its batch's state.
    /// Everything is read from one snapshot of the database, so a check made while the service writes sees one
    /// moment, and writes go on.
    public func reconcile() throws -> LedgerReconciliation.Report {
        try self.database.snapshot { snapshot in try self.reconcile(in: snapshot) }
    }

    private func reconcile(in sql: Snapshot) throws -> LedgerReconciliation.Report {
        let batches = Dictionary(
            try self.store.allBatches(in: sql).map { ($0.id.description, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var violations: [LedgerReconciliation.Violation] = []
        let programs = Dictionary(
            try self.programs(in: sql).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        // What each batch transfer should be, by the status of its line; `nil`: it should not exist.
        var expected: [TransferID: TransferState?] = [:]
        for line in try self.store.allLines(in: sql) {
            guard batches[line.batch.description] != nil, let program = programs[line.batch.program] else {
                violations.append(.init(description: "line of \(line.provider) names unknown batch \(line.batch)"))
                continue
            }
            let reservations = Self.reservations(of: line, program: program).map(\.id)
            let settlements = (Self.payouts(of: line) + Self.recoveries(of: line, program: program)).map(\.id)
            let (reserved, settled): (TransferState?, TransferState?) =
                switch line.status {
                case .pending, .held: (.pending, nil)
                case .paid: (.posted, .posted)
                case .voided: (.voided, nil)
                case .nothing: (nil, nil)
                }
            for id in reservations { expected[id] = reserved }
            for id in settlements { expected[id] = settled }
        }
        for (batch, status, count) in try self.store.lineStatusCounts(in: sql) {
            guard let state = batches[batch]?.state, let lineStatus = EntitlementLine.Status(rawValue: status) else {
                continue
            }
            if !Self.allowed(lineStatus, in: state) {
                violations.append(
                    .init(description: "batch \(batch) is \(state) but \(count) of its lines are \(status)")
                )
            }
        }
        var reconciliation = LedgerReconciliation(accounts: try self.ledger.store.accounts(in: sql))
        try self.ledger.store.scanTransfers(in: sql) { transfer in
            reconciliation.add(transfer)
            // Batch transfers carry `:` in their ids; fundings and operator transfers never do.
            guard transfer.id.rawValue.utf8.contains(UInt8(ascii: ":")) else { return }
            guard let wanted = expected.removeValue(forKey: transfer.id) else {
                violations.append(.init(description: "transfer \(transfer.id) belongs to no line of any batch"))
                return
            }
            if wanted != transfer.state {
                violations.append(
                    .init(
                        description: "transfer \(transfer.id) is \(transfer.state) but its line says it should be "
                            + (wanted.map(\.rawValue) ?? "absent")
                    )
                )
            }
        }
        for (id, wanted) in expected.sorted(by: { $0.key < $1.key }) {
            if let wanted { violations.append(.init(description: "transfer \(id) should be \(wanted) but is missing")) }
        }
        var report = reconciliation.finish()
        report.violations += violations
        return report
    }

    /// Which line statuses a batch in `state` may hold.
    private static func allowed(_ status: EntitlementLine.Status, in state: BatchState) -> Bool {
        switch state {
        case .proposed, .approved: [.pending, .held, .nothing, .voided].contains(status)
        case .posted: [.paid, .held, .voided, .nothing].contains(status)
        case .rejected, .expired: [.voided, .nothing].contains(status)
        }
    }
}
