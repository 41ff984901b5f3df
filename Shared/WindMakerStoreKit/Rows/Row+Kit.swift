package import WindMakerKit
package import WindMakerStorage

/// Reading the kit's primitives from rows, and writing them as SQL values: the same columns in every service's store.
extension Row {
    /// A column parsed into a domain value; stored text that no longer parses is ``StorageError/Code/invalidValue``.
    package func parsed<T, E: Error>(_ name: String, _ parse: (String) throws(E) -> T) throws(StorageError) -> T {
        let text = try self.value(name, as: String.self)
        do {
            return try parse(text)
        } catch {
            throw StorageError(.invalidValue, "column \(name): \(error)")
        }
    }

    /// A nullable column parsed into a domain value.
    package func parsedIfPresent<T, E: Error>(
        _ name: String,
        _ parse: (String) throws(E) -> T
    ) throws(StorageError) -> T? {
        guard let text = try self.value(name, as: String?.self) else { return nil }
        do {
            return try parse(text)
        } catch {
            throw StorageError(.invalidValue, "column \(name): \(error)")
        }
    }

    /// An enumeration stored as its raw value.
    package func enumeration<T: RawRepresentable>(_ name: String, as type: T.Type = T.self) throws(StorageError) -> T
    where T.RawValue == String {
        let text = try self.value(name, as: String.self)
        guard let value = T(rawValue: text) else {
            throw StorageError(.invalidValue, "column \(name): unknown \(T.self) \"\(text)\"")
        }
        return value
    }

    /// An instant stored as integer microseconds.
    package func timestamp(_ name: String) throws(StorageError) -> Timestamp {
        Timestamp(microsecondsSinceEpoch: try self.value(name, as: Int64.self))
    }

    /// A nullable instant.
    package func timestampIfPresent(_ name: String) throws(StorageError) -> Timestamp? {
        try self.value(name, as: Int64?.self).map { Timestamp(microsecondsSinceEpoch: $0) }
    }
}

extension Timestamp {
    /// Integer microseconds, as every store keeps instants.
    package var sqlValue: SQLValue { .integer(self.microsecondsSinceEpoch) }
}

extension CivilDate {
    /// `YYYY-MM-DD` text: sorts as the dates do, in SQLite and PostgreSQL alike.
    package var sqlValue: SQLValue { .text(self.description) }
}

extension Optional where Wrapped == String {
    /// The text, or SQL `NULL`.
    package var sqlText: SQLValue { self.map { .text($0) } ?? .null }
}
