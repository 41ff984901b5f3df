import Synchronization
import Testing
import WindMakerIncentive
import WindMakerKit
import WindMakerStorage
import WindMakerTestSupport

@Suite struct LedgerStoreTests {
    private let funding = try! AccountID("funding:platform")
    private let budget = try! AccountID("program:p1:cash")
    private let payable = try! AccountID("provider:prv_a:payable")
    private let now = Timestamp(microsecondsSinceEpoch: 1_634_000_000_000_000)

    private func transfer(_ id: String, _ from: AccountID, _ to: AccountID, _ amount: Int64, pending: Bool) -> Transfer
    {
        Transfer(id: try! TransferID(id), debit: from, credit: to, amount: amount, unit: .fen, pending: pending)
    }

    private func openLedger(at path: String) async throws -> Ledger {
        let database = try SQLiteDatabase(path: path)
        try database.migrate(IncentiveSchema.migrations)
        let ledger = Ledger(database: database)
        _ = try await ledger.open(Account(id: self.funding, unit: .fen, noOverdraft: false), at: self.now)
        _ = try await ledger.open(Account(id: self.budget, unit: .fen, noOverdraft: true), at: self.now)
        _ = try await ledger.open(Account(id: self.payable, unit: .fen, noOverdraft: false), at: self.now)
        return ledger
    }

    @Test func transfersSurviveReopeningAndReconcile() async throws {
        let directory = try TemporaryDirectory()
        let path = directory.databasePath
        do {
            let ledger = try await self.openLedger(at: path)
            _ = try await ledger.apply(
                [self.transfer("fund", self.funding, self.budget, 10_000, pending: false)],
                at: self.now
            )
            _ = try await ledger.apply(
                (0 ..< 20).map { self.transfer("pay-\($0)", self.budget, self.payable, 100, pending: true) },
                at: self.now
            )
            _ = try await ledger.post(try TransferID("pay-0"), at: self.now)
            _ = try await ledger.void(try TransferID("pay-1"), at: self.now)
            // A group that would overdraw is refused whole: none of its transfers is stored.
            await #expect(throws: LedgerError.self) {
                try await ledger.apply(
                    [
                        self.transfer("ok", self.budget, self.payable, 1, pending: true),
                        self.transfer("too-much", self.budget, self.payable, 9_000, pending: true),
                    ],
                    at: self.now
                )
            }
            ledger.database.close()
        }
        let reopened = try await self.openLedger(at: path)
        defer { reopened.database.close() }
        let report = try reopened.reconcile()
        #expect(report.violations.isEmpty, "\(report.violations)")
        #expect(report.transfers == 21)
        #expect(report.totals(.fen).posted == 10_100 && report.totals(.fen).pending == 1_800)
        let budget = try #require(try SQLiteLedgerStore().account(self.budget, in: reopened.database))
        #expect(budget.available == 10_000 - 100 - 1_800)
        #expect(try SQLiteLedgerStore().transfer(try TransferID("ok"), in: reopened.database) == nil)
    }

    /// The same post from 16 callers at once: exactly one posts, the others are told it is already posted.
    @Test func concurrentPostsOfOneTransferPostItOnce() async throws {
        let ledger = try await self.openLedger(at: ":memory:")
        _ = try await ledger.apply(
            [self.transfer("fund", self.funding, self.budget, 1_000, pending: false)],
            at: self.now
        )
        _ = try await ledger.apply([self.transfer("pay", self.budget, self.payable, 600, pending: true)], at: self.now)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0 ..< 16 {
                group.addTask {
                    do {
                        _ = try await ledger.post(try TransferID("pay"), at: self.now)
                        return true
                    } catch {
                        return false
                    }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results.filter { $0 }.count == 1)
        let payable = try #require(try SQLiteLedgerStore().account(self.payable, in: ledger.database))
        #expect(payable.postedBalance == 600)
        #expect(try ledger.reconcile().violations.isEmpty)
    }
}
