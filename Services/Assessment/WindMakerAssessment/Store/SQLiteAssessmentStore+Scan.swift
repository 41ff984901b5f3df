public import WindMakerKit
public import WindMakerStorage

extension SQLiteAssessmentStore {
    /// Visits every fact dated from `first` through `last`, in no particular order, on the database's read
    /// connection: one pass over the rows, each read straight from its column bytes into a ``FactRow`` (stored facts
    /// were checked at ingest), its ``FactFingerprint`` hash computed from the same bytes. Reading and decoding run
    /// on a thread of their own while `visit` runs on the caller's (``Database/scanInBatches(_:_:batchSize:decode:consume:)``).
    ///
    /// The date condition is written `fact_date || ''` so that it cannot use the date index (on either engine): a
    /// period's windows cover most facts, and one pass over the table reads them far faster than a lookup per index
    /// entry.
    /// - Throws: ``StorageError/Code/invalidValue`` for a row no ingest could have stored.
    public func scanFacts(
        from first: CivilDate,
        through last: CivilDate,
        in database: any Database,
        _ visit: (FactRow) -> Void
    ) throws {
        try database.scanInBatches(
            "SELECT \(Fact.columns) FROM facts WHERE fact_date || '' >= ? AND fact_date || '' <= ?",
            [first.sqlValue, last.sqlValue],
            decode: Self.factRow
        ) { batch in
            for row in batch { visit(row) }
        }
    }

    private static func factRow(_ row: ScanRow) throws -> FactRow {
        var hasher = FactFingerprint.Hasher()
        row.withText(0) { hasher.field($0) }
        let kind = row.withText(1) { bytes -> UInt8 in
            hasher.field(bytes)
            return bytes.first ?? 0
        }
        let subjectID = row.withText(2) { bytes -> String in
            hasher.field(bytes)
            return String(decoding: bytes, as: UTF8.self)
        }
        let date = try row.withText(3) { bytes throws -> CivilDate in
            hasher.field(bytes)
            return try Self.date(bytes)
        }
        let metric = row.withText(4) { bytes -> Metric? in
            hasher.field(bytes)
            return Metric.named(bytes)
        }
        let violation = row.withText(5) { bytes -> ViolationKind? in
            hasher.field(bytes)
            return bytes.isEmpty ? nil : bytes.first == UInt8(ascii: "F") ? .fakeOrder : .other
        }
        let value = row.integer(6)
        hasher.field(value)
        guard let metric else { throw StorageError(.invalidValue, "stored fact with an unknown metric") }
        let subject: FactRow.Subject
        switch kind {
        case UInt8(ascii: "M"): subject = .client(ClientKey(kind: .merchant, id: subjectID))
        case UInt8(ascii: "B"): subject = .client(ClientKey(kind: .brand, id: subjectID))
        case UInt8(ascii: "S"): subject = .client(ClientKey(kind: .streamer, id: subjectID))
        case UInt8(ascii: "P"):
            guard let id = try? ProviderID(subjectID) else {
                throw StorageError(.invalidValue, "stored fact with an invalid provider id")
            }
            subject = .provider(id)
        default: throw StorageError(.invalidValue, "stored fact with an unknown subject kind")
        }
        return FactRow(
            subject: subject,
            date: date,
            metric: metric,
            violationKind: violation,
            value: value,
            hash: hasher.finish()
        )
    }

    /// `YYYY-MM-DD` from its ten bytes.
    private static func date(_ bytes: UnsafeBufferPointer<UInt8>) throws -> CivilDate {
        func number(_ range: Range<Int>) -> Int {
            range.reduce(0) { $0 * 10 + Int(bytes[$1]) - 48 }
        }
        guard bytes.count == 10 else { throw StorageError(.invalidValue, "stored fact with a malformed date") }
        do {
            return try CivilDate(year: number(0 ..< 4), month: number(5 ..< 7), day: number(8 ..< 10))
        } catch {
            throw StorageError(.invalidValue, "stored fact with an invalid date")
        }
    }
}
