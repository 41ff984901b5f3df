public import WindMakerKit

extension Rulebook {
    /// The program's default rulebook (Resources/default-rulebook.json, embedded in the binary), published as
    /// version 1 when a store starts empty. docs/ASSESSMENT.md explains its numbers.
    public static var defaultDocument: [UInt8] { PackageResources.default_rulebook_json }

    /// ``defaultDocument``, read (a test keeps it valid).
    public static func readDefault() throws(InvalidRequest) -> Rulebook {
        try Rulebook.read(Self.defaultDocument)
    }
}
