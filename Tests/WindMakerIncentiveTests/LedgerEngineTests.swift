import Testing
import WindMakerIncentive

@Suite struct LedgerEngineTests {
    private let funding = try! AccountID("funding:platform")
    private let budget = try! AccountID("program:p1:cash")
    private let payable = try! AccountID("provider:prv_a:payable")
    private let traffic = try! AccountID("program:p1:traffic")

    private func ledger() -> LedgerEngine {
        LedgerEngine(accounts: [
            Account(id: self.funding, unit: .fen, noOverdraft: false),
            Account(id: self.budget, unit: .fen, noOverdraft: true),
            Account(id: self.payable, unit: .fen, noOverdraft: false),
            Account(id: self.traffic, unit: .impressions, noOverdraft: true),
        ])
    }

    private func transfer(
        _ id: String,
        from debit: AccountID,
        to credit: AccountID,
        _ amount: Int64,
        unit: LedgerUnit = .fen,
        pending: Bool = false
    ) -> Transfer {
        Transfer(id: try! TransferID(id), debit: debit, credit: credit, amount: amount, unit: unit, pending: pending)
    }

    @Test func fundingThenAReservationThenPosting() throws {
        var ledger = self.ledger()
        _ = try ledger.apply([self.transfer("fund", from: self.funding, to: self.budget, 1_000)])
        #expect(ledger.accounts[self.budget]?.available == 1_000)
        _ = try ledger.apply([self.transfer("pay", from: self.budget, to: self.payable, 600, pending: true)])
        #expect(ledger.accounts[self.budget]?.available == 400)  // reserved
        #expect(ledger.accounts[self.budget]?.postedBalance == 1_000)
        let posted = try ledger.post(try TransferID("pay"))
        #expect(posted.state == .posted)
        #expect(ledger.accounts[self.budget]?.postedBalance == 400)
        #expect(ledger.accounts[self.budget]?.debitsPending == 0)
        #expect(ledger.accounts[self.payable]?.postedBalance == 600)
    }

    @Test func aBudgetNeverGoesBelowZeroAndAGroupIsAllOrNothing() throws {
        var ledger = self.ledger()
        _ = try ledger.apply([self.transfer("fund", from: self.funding, to: self.budget, 1_000)])
        let before = ledger
        #expect(
            throws: LedgerError.overdraft(
                try TransferID("b"),
                account: self.budget,
                available: 400,
                amount: 500,
                unit: .fen
            )
        ) {
            try ledger.apply([
                self.transfer("a", from: self.budget, to: self.payable, 600, pending: true),
                self.transfer("b", from: self.budget, to: self.payable, 500, pending: true),
            ])
        }
        #expect(ledger.accounts == before.accounts && ledger.transfers == before.transfers)
    }

    @Test func voidingReleasesAndEachTransitionHappensOnce() throws {
        var ledger = self.ledger()
        _ = try ledger.apply([self.transfer("fund", from: self.funding, to: self.budget, 1_000)])
        _ = try ledger.apply([self.transfer("r", from: self.budget, to: self.payable, 700, pending: true)])
        let voided = try ledger.void(try TransferID("r"))
        #expect(voided.state == .voided)
        #expect(ledger.accounts[self.budget]?.available == 1_000)
        #expect(throws: LedgerError.illegalTransition(try TransferID("r"), from: .voided, event: .post)) {
            try ledger.post(try TransferID("r"))
        }
        #expect(throws: LedgerError.illegalTransition(try TransferID("fund"), from: .posted, event: .void)) {
            try ledger.void(try TransferID("fund"))
        }
        #expect(throws: LedgerError.unknownTransfer(try TransferID("nope"))) { try ledger.post(try TransferID("nope")) }
    }

    @Test func idsAreIdempotencyKeys() throws {
        var ledger = self.ledger()
        let fund = self.transfer("fund", from: self.funding, to: self.budget, 1_000)
        #expect(try ledger.apply([fund]) == [.created(fund)])
        #expect(try ledger.apply([fund]) == [.existing(fund)])
        #expect(ledger.accounts[self.budget]?.postedBalance == 1_000)  // not twice
        #expect(throws: LedgerError.idReused(try TransferID("fund"))) {
            try ledger.apply([self.transfer("fund", from: self.funding, to: self.budget, 999)])
        }
    }

    @Test(arguments: [Int64(0), -5])
    func nonPositiveAmountsAreRefused(amount: Int64) {
        var ledger = self.ledger()
        #expect(throws: LedgerError.self) {
            try ledger.apply([self.transfer("x", from: self.funding, to: self.budget, amount)])
        }
    }

    @Test func unitsNeverMixAndOverflowIsRefused() throws {
        var ledger = self.ledger()
        #expect(
            throws: LedgerError.unitMismatch(
                try TransferID("t"),
                expected: .impressions,
                account: self.funding,
                accountUnit: .fen
            )
        ) {
            try ledger.apply([self.transfer("t", from: self.funding, to: self.traffic, 5, unit: .impressions)])
        }
        #expect(throws: LedgerError.self) {
            try ledger.apply([self.transfer("big", from: self.funding, to: self.payable, Transfer.maximumAmount + 1)])
        }
        // A funding source whose debits are within one transfer of 64 bits.
        var funding = Account(id: self.funding, unit: .fen, noOverdraft: false)
        funding.restore(debitsPosted: .max - 10, creditsPosted: 0, debitsPending: 0, creditsPending: 0)
        var nearlyFull = LedgerEngine(accounts: [funding, Account(id: self.payable, unit: .fen, noOverdraft: false)])
        #expect(throws: LedgerError.overflow(try TransferID("more"), account: self.funding)) {
            try nearlyFull.apply([self.transfer("more", from: self.funding, to: self.payable, 11)])
        }
        #expect(throws: LedgerError.unknownAccount(try AccountID("nowhere"))) {
            try ledger.apply([self.transfer("u", from: self.funding, to: try AccountID("nowhere"), 1)])
        }
    }

    @Test(arguments: TransferState.allCases)
    func everyStateAndEvent(state: TransferState) throws {
        for event in TransferState.Event.allCases {
            var current = state
            let id = try TransferID("t")
            if state == .pending {
                #expect(throws: Never.self) { try current.apply(event, transfer: id) }
                #expect(current == (event == .post ? .posted : .voided))
            } else {
                #expect(throws: LedgerError.illegalTransition(id, from: state, event: event)) {
                    try current.apply(event, transfer: id)
                }
            }
        }
    }
}
