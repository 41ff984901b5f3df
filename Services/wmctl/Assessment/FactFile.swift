import ArgumentParser
import Foundation
import WindMakerMessages

/// Facts read from a file: CSV with the header `id,subject_kind,subject_id,date,metric,kind,value`, or JSON lines
/// (`.jsonl`/`.ndjson`) of objects with the same keys. Dates are `YYYY-MM-DD`; `kind` is empty except for
/// violations. A line that cannot be read stops the command before anything is sent, naming the line.
enum FactFile {
    static let columns = ["id", "subject_kind", "subject_id", "date", "metric", "kind", "value"]

    static func read(_ path: String) throws -> [AssessmentV1.Fact] {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw InputFileError(
                "cannot read \(path): \((error as NSError).localizedFailureReason ?? "no such file or not readable")"
            )
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw InputFileError("\(path) is not UTF-8 text")
        }
        // Spreadsheets write a byte-order mark first and end lines with CR LF; both are accepted.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }
        let isJSONLines = path.hasSuffix(".jsonl") || path.hasSuffix(".ndjson")
        return isJSONLines ? try Self.jsonLines(lines, path: path) : try Self.csv(lines, path: path)
    }

    private static func csv(_ lines: [Substring], path: String) throws -> [AssessmentV1.Fact] {
        guard let header = lines.first,
            header.split(separator: ",", omittingEmptySubsequences: false).map(String.init) == Self.columns
        else {
            throw InputFileError("\(path):1: the header must be \(Self.columns.joined(separator: ","))")
        }
        var facts: [AssessmentV1.Fact] = []
        for (offset, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count == Self.columns.count else {
                throw InputFileError(
                    "\(path):\(offset + 1): expected \(Self.columns.count) columns, found \(cells.count)"
                )
            }
            facts.append(
                try Self.fact(Dictionary(uniqueKeysWithValues: zip(Self.columns, cells)), at: "\(path):\(offset + 1)")
            )
        }
        return facts
    }

    private static func jsonLines(_ lines: [Substring], path: String) throws -> [AssessmentV1.Fact] {
        var facts: [AssessmentV1.Fact] = []
        for (offset, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            let place = "\(path):\(offset + 1)"
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw InputFileError("\(place): not a JSON object")
            }
            var fields: [String: String] = [:]
            for column in Self.columns {
                switch object[column] {
                case let text as String: fields[column] = text
                case let number as NSNumber where column == "value": fields[column] = number.stringValue
                case nil: fields[column] = ""
                default: throw InputFileError("\(place): \"\(column)\" must be a string")
                }
            }
            facts.append(try Self.fact(fields, at: place))
        }
        return facts
    }

    private static func fact(_ fields: [String: String], at place: String) throws -> AssessmentV1.Fact {
        guard let value = Int64(fields["value"] ?? "") else {
            throw InputFileError("\(place): value must be a whole number, found \"\(fields["value"] ?? "")\"")
        }
        guard let date = DateArgument(argument: fields["date"] ?? "") else {
            throw InputFileError("\(place): date must be YYYY-MM-DD, found \"\(fields["date"] ?? "")\"")
        }
        return AssessmentV1.Fact(
            id: fields["id"] ?? "",
            subjectKind: fields["subject_kind"] ?? "",
            subjectId: fields["subject_id"] ?? "",
            date: date.value,
            metric: fields["metric"] ?? "",
            kind: fields["kind"] ?? "",
            value: value
        )
    }
}

/// A fact or rulebook file that cannot be used, said in one line (no usage text: the command line was right).
struct InputFileError: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
