import Foundation

/// A JSON document an operator publishes (a rulebook, entitlement rules), read as UTF-8 text.
enum DocumentFile {
    static func read(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputFileError("cannot read \(path): no such file or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw InputFileError("\(path) is not UTF-8 text") }
        return text
    }
}
