import Foundation
import WindMakerIncentive
import WindMakerKit
import WindMakerStorage

/// Stores `count` transfers among a thousand providers' accounts (through the ledger, in groups of 10,000; not
/// measured), then measures one reconciliation: every balance re-derived from every transfer, and the batches checked.
struct ReconcileCase {
    let count: Int
    let directory: URL

    func run() async throws -> String {
        try FileManager.default.createDirectory(at: self.directory, withIntermediateDirectories: true)
        let database = try SQLiteDatabase(path: self.directory.appendingPathComponent("incentive.sqlite").path)
        defer { database.close() }
        try database.migrate(IncentiveSchema.migrations)
        let incentive = Incentive(database: database)
        let now = Timestamp(microsecondsSinceEpoch: 1_633_017_600_000_000)
        try await incentive.prepare(at: now)
        let providers = (0 ..< 1_000).map { number in
            try! ProviderID("prv_" + String(repeating: "a", count: 12) + Self.base32(number))
        }
        try await database.write { sql in
            for provider in providers {
                try incentive.ledger.openMissing(LedgerAccounts.accounts(of: provider), at: now, in: sql)
            }
        }
        let setup = ContinuousClock.now
        var stored = 0
        while stored < self.count {
            let end = min(stored + 10_000, self.count)
            let group = (stored ..< end).map { index in
                Transfer(
                    id: try! TransferID("r-\(index)"),
                    debit: LedgerAccounts.funding(.fen),
                    credit: LedgerAccounts.payable(providers[index % providers.count]),
                    amount: Int64(1 + index % 997),
                    unit: .fen,
                    pending: false
                )
            }
            _ = try await incentive.ledger.apply(group, at: now)
            stored = end
        }
        FileHandle.standardError.write(
            Data("setup: \(self.count) transfers stored in \(ContinuousClock.now - setup)\n".utf8)
        )
        let began = ContinuousClock.now
        let report = try incentive.reconcile()
        let seconds = (ContinuousClock.now - began).seconds
        guard report.violations.isEmpty, report.transfers == self.count else {
            throw ReconcileFailure(report: report)
        }
        return "{\"case\":\"reconcile\",\"transfers\":\(self.count),\"accounts\":\(report.accounts),"
            + "\"seconds\":\(String(format: "%.2f", seconds))}"
    }

    /// Four lower-case base32 characters of `number`.
    private static func base32(_ number: Int) -> String {
        let alphabet = Array("abcdefghijklmnopqrstuvwxyz234567")
        return String((0 ..< 4).reversed().map { alphabet[(number >> ($0 * 5)) & 31] })
    }
}

struct ReconcileFailure: Error, CustomStringConvertible {
    let report: LedgerReconciliation.Report
    var description: String { "reconciliation found \(self.report.violations.prefix(5)) over \(self.report.transfers)" }
}
