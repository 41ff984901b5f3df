import CLibPQ
import Foundation
package import WindMakerStorage

extension PostgresConnection: TransactionConnection {
    /// Rows fetched from a scan's cursor at a time: enough to amortize the round trip, few enough to stay small.
    static let scanBatchRows = 2_000

    /// Calls `body` with every row of one query through a cursor, ``scanBatchRows`` rows in memory at a time. Inside
    /// a transaction the scan sees that transaction's view; outside one it opens a `REPEATABLE READ READ ONLY`
    /// transaction of its own, so the whole scan sees one moment, as SQLite's read transaction does.
    package func scan(_ sql: String, _ arguments: [SQLValue], _ body: (ScanRow) throws -> Void) throws {
        let ownsTransaction = !self.isInTransaction
        if ownsTransaction { try self.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY") }
        self.openCursors += 1
        let cursor = "wm_scan_\(self.openCursors)"
        defer { self.openCursors -= 1 }
        do {
            try self.execute("DECLARE \(cursor) NO SCROLL CURSOR FOR \(sql)", arguments)
            var fetched = Self.scanBatchRows
            while fetched == Self.scanBatchRows {
                let result = try self.run("FETCH FORWARD \(Self.scanBatchRows) FROM \(cursor)", [])
                defer { PQclear(result) }
                fetched = Int(PQntuples(result))
                for row in 0 ..< Int32(fetched) {
                    try body(ScanRow(PostgresScanRow(result: result, row: row)))
                }
            }
            if ownsTransaction {
                try self.execute("COMMIT")
            } else {
                try self.execute("CLOSE \(cursor)")
            }
        } catch {
            if ownsTransaction {
                _ = try? self.execute("ROLLBACK")
            } else if PQtransactionStatus(self.connection) == PQTRANS_INTRANS {
                _ = try? self.execute("CLOSE \(cursor)")
            }
            throw error
        }
    }

    /// Runs one statement and returns its first row, or `nil`.
    package func queryOne(_ sql: String, _ arguments: [SQLValue]) throws(StorageError) -> Row? {
        try self.query(sql, arguments).first
    }

    /// Transaction-scoped advisory locks on the names' hashes, in the order given, in one statement: two names that
    /// hash alike only wait for each other needlessly, never wrongly.
    package func lockUntilTransactionEnds(_ names: [String]) throws(StorageError) {
        guard self.isInTransaction else {
            throw StorageError(.misuse, "a named lock is taken inside a transaction")
        }
        if names.count == 1 {
            try self.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [.text("\(self.lockNamespace).\(names[0])")])
            return
        }
        let elements = names.map { name in
            let escaped = "\(self.lockNamespace).\(name)".replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        try self.execute(
            "SELECT pg_advisory_xact_lock(hashtext(name)) FROM"
                + " (SELECT name FROM unnest(?::text[]) WITH ORDINALITY AS locks (name, n) ORDER BY n) AS ordered",
            [.text("{" + elements.joined(separator: ",") + "}")]
        )
    }
}

/// One row of a fetched result, read in place.
struct PostgresScanRow: ScanRowSource {
    let result: OpaquePointer
    let row: Int32

    func integer(_ column: Int) -> Int64 {
        guard PQgetisnull(self.result, self.row, Int32(column)) == 0 else { return 0 }
        var value: Int64 = 0
        var negative = false
        var pointer = PQgetvalue(self.result, self.row, Int32(column))!
        if pointer.pointee == CChar(UInt8(ascii: "-")) {
            negative = true
            pointer += 1
        }
        while case let digit = UInt8(bitPattern: pointer.pointee), digit >= UInt8(ascii: "0"),
            digit <= UInt8(ascii: "9")
        {
            value = value &* 10 &+ Int64(digit - UInt8(ascii: "0"))
            pointer += 1
        }
        return negative ? -value : value
    }

    func withText<T>(_ column: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let length = Int(PQgetlength(self.result, self.row, Int32(column)))
        return try PQgetvalue(self.result, self.row, Int32(column)).withMemoryRebound(to: UInt8.self, capacity: length)
        {
            try body(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
