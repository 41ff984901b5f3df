import ArgumentParser
import Foundation
import WindMakerAssessment
import WindMakerIncentive
import WindMakerPostgres
import WindMakerRegistry
import WindMakerServiceSupport
import WindMakerStorage

/// `wmctl admin migrate-store --service incentive --from sqlite:.dev/data/incentive.sqlite --to postgres://…`: copies
/// one service's SQLite store into an empty PostgreSQL schema, checks every table's row count and, for the incentive
/// service, that the copied ledger reconciles, before it reports success (docs/OPERATIONS.md, "Move to PostgreSQL").
struct AdminMigrateStoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate-store",
        abstract: "Copy a service's SQLite store into an empty PostgreSQL schema (stop the service first)."
    )

    @Option(name: .customLong("service"), help: "registry, assessment or incentive: the schema it names.")
    var service: String

    @Option(name: .customLong("from"), help: "The SQLite store: sqlite:PATH.")
    var source: String

    @Option(name: .customLong("to"), help: "The PostgreSQL database: postgres://USER@HOST:PORT/DB (no password).")
    var target: String

    @Option(
        name: .customLong("store-password-file"),
        help: "File holding the PostgreSQL password (env WM_STORE_PASSWORD_FILE, or the password in WM_STORE_PASSWORD)."
    )
    var passwordFile: String?

    static let migrations: [String: [Migration]] = [
        "registry": RegistrySchema.migrations,
        "assessment": AssessmentSchema.migrations,
        "incentive": IncentiveSchema.migrations,
    ]

    func run() async throws {
        guard let migrations = Self.migrations[self.service] else {
            throw ValidationError("--service must be registry, assessment or incentive, got \"\(self.service)\"")
        }
        guard case .sqlite(let path) = try StoreAddress.parse(self.source, flag: "--from") else {
            throw ValidationError("--from must be sqlite:PATH, the store to move from")
        }
        guard case .postgres(let url) = try StoreAddress.parse(self.target, flag: "--to") else {
            throw ValidationError("--to must be postgres://USER@HOST:PORT/DB, the database to move to")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw InputFileError("--from \(path) does not exist")
        }
        let started = ContinuousClock.now
        let password = try StoreOptions.password(file: self.passwordFile)
        let source: SQLiteDatabase
        do {
            source = try SQLiteDatabase(path: path)
        } catch {
            throw InputFileError("cannot open --from \(path): \(error.message)")
        }
        defer { source.close() }
        let target: PostgresDatabase
        do {
            target = try PostgresDatabase(url: url, password: password, schema: self.service)
        } catch {
            throw InputFileError("cannot open --to \(url): \(error.message)")
        }
        defer { target.close() }
        let tables: [StoreCopy.Table]
        do {
            tables = try StoreCopy.copy(from: source, to: target, migrations: migrations)
        } catch let error as StorageError {
            throw InputFileError("moving \(path) to \(url) (schema \(self.service)): \(error.message)")
        }
        for table in tables { print("copied \(table.name): \(table.rows) rows") }
        if self.service == "incentive" { try self.reconcileCopy(url: url, password: password) }
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        print(
            "moved the \(self.service) store from sqlite:\(path) to \(url) (schema \(self.service)) in"
                + " \(String(format: "%.1f", seconds)) s: every table's row count matches; start the \(self.service)"
                + " service with --store \(url)"
        )
    }

    /// Reconciles the copied ledger: what the incentive service checks at every start.
    private func reconcileCopy(url: String, password: String?) throws {
        let target = try PostgresDatabase(url: url, password: password, schema: self.service)
        defer { target.close() }
        let report = try Incentive(database: target).reconcile()
        guard report.violations.isEmpty else {
            let listed = report.violations.prefix(10).map { "  - \($0.description)" }.joined(separator: "\n")
            throw InputFileError(
                "the copied ledger does not reconcile (\(report.violations.count) violations); do not switch:\n"
                    + listed
            )
        }
        print("the copied ledger reconciles: \(report.accounts) accounts, \(report.transfers) transfers")
    }
}
