import Testing
import WindMakerIncentive

@Suite struct LedgerReconciliationTests {
    private let funding = try! AccountID("funding:platform")
    private let budget = try! AccountID("program:p1:cash")
    private let payable = try! AccountID("provider:prv_a:payable")

    private func ledger() throws -> LedgerEngine {
        var ledger = LedgerEngine(accounts: [
            Account(id: self.funding, unit: .fen, noOverdraft: false),
            Account(id: self.budget, unit: .fen, noOverdraft: true),
            Account(id: self.payable, unit: .fen, noOverdraft: false),
        ])
        func transfer(
            _ id: String,
            _ from: AccountID,
            _ to: AccountID,
            _ amount: Int64,
            pending: Bool
        ) throws -> Transfer {
            Transfer(id: try TransferID(id), debit: from, credit: to, amount: amount, unit: .fen, pending: pending)
        }
        _ = try ledger.apply([try transfer("fund", self.funding, self.budget, 1_000, pending: false)])
        _ = try ledger.apply([
            try transfer("a", self.budget, self.payable, 300, pending: true),
            try transfer("b", self.budget, self.payable, 200, pending: true),
            try transfer("c", self.budget, self.payable, 100, pending: true),
        ])
        _ = try ledger.post(try TransferID("a"))
        _ = try ledger.void(try TransferID("b"))
        return ledger
    }

    @Test func aLedgerKeptByTheEngineReconciles() throws {
        let ledger = try self.ledger()
        let report = LedgerReconciliation.check(
            accounts: Array(ledger.accounts.values),
            transfers: ledger.transfers.values
        )
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.transfers == 4 && report.totals(.fen).posted == 1_300 && report.totals(.fen).pending == 100)
    }

    @Test func aLostTransferOrABalanceOutOfStepIsNamed() throws {
        let ledger = try self.ledger()
        var transfers = ledger.transfers
        transfers[try TransferID("a")] = nil
        let report = LedgerReconciliation.check(accounts: Array(ledger.accounts.values), transfers: transfers.values)
        #expect(report.violations.contains { $0.description.contains("account program:p1:cash holds") })
        #expect(report.violations.contains { $0.description.contains("account provider:prv_a:payable holds") })
    }

    @Test func anUnknownAccountIsNamed() throws {
        let ledger = try self.ledger()
        let stray = Transfer(
            id: try TransferID("stray"),
            debit: try AccountID("nowhere"),
            credit: self.payable,
            amount: 1,
            unit: .fen,
            pending: false
        )
        let report = LedgerReconciliation.check(
            accounts: Array(ledger.accounts.values),
            transfers: Array(ledger.transfers.values) + [stray]
        )
        #expect(report.violations.contains { $0.description == "transfer stray names unknown account nowhere" })
    }
}
