import WindMakerStorage

extension Incentive {
    /// Re-derives every balance from the transfers in one pass (``LedgerReconciliation``) and checks the batches
    /// against them: every pending transfer belongs to an open line (pending in a live batch, or held), every open
    /// line's reservations are pending, and every line's status fits its batch's state. Everything is read from one
    /// snapshot of the database, so a check made while the service writes sees one moment, and writes go on.
    public func reconcile() throws -> LedgerReconciliation.Report {
        try self.database.snapshot { snapshot in try self.reconcile(in: snapshot) }
    }

    private func reconcile(in sql: Snapshot) throws -> LedgerReconciliation.Report {
        let batches = Dictionary(
            try self.store.allBatches(in: sql).map { ($0.id.description, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        var violations: [LedgerReconciliation.Violation] = []
        var expected = Set<TransferID>()
        let programs = Dictionary(
            try self.programs(in: sql).map { ($0.id, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        for line in try self.store.openLines(in: sql) {
            guard batches[line.batch.description] != nil, let program = programs[line.batch.program] else {
                violations.append(.init(description: "line of \(line.provider) names unknown batch \(line.batch)"))
                continue
            }
            expected.formUnion(Self.reservations(of: line, program: program).map(\.id))
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
        var pendingSeen = Set<TransferID>()
        try self.ledger.store.scanTransfers(in: sql) { transfer in
            reconciliation.add(transfer)
            guard transfer.state == .pending else { return }
            pendingSeen.insert(transfer.id)
            if !expected.contains(transfer.id) {
                violations.append(
                    .init(description: "pending transfer \(transfer.id) belongs to no open line of a live batch")
                )
            }
        }
        for missing in expected.subtracting(pendingSeen).sorted() {
            violations.append(.init(description: "transfer \(missing) of an open line is not pending"))
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
