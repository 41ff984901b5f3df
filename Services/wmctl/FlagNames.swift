/// Which flag or argument sets each request field, so that a server's field violation names what the operator typed
/// (`--contact-email`) rather than the wire path (`profile.contact.email`).
///
/// A field is looked up without its list indices, then by ever shorter prefixes, so `profile.categories[3]` finds
/// the entry for `profile.categories` and is shown as `--category #4`, and
/// `profile.capabilities.supply_chain.self_rating` finds `profile.capabilities.supply_chain`.
struct FlagNames: Sendable {
    /// Wire field path (proto names, no indices) → flag (`--version`) or argument (`<provider-id>`).
    let byField: [String: String]

    init(_ byField: [String: String] = [:]) {
        self.byField = byField
    }

    /// These names and `other`'s; `other` wins where both name a field.
    func merging(_ other: FlagNames) -> FlagNames {
        FlagNames(self.byField.merging(other.byField) { _, new in new })
    }

    /// The same names under `prefix` (`profile` makes `display_name` into `profile.display_name`).
    func prefixed(_ prefix: String) -> FlagNames {
        FlagNames(Dictionary(uniqueKeysWithValues: self.byField.map { ("\(prefix).\($0.key)", $0.value) }))
    }

    /// The flag for `field`, with the 1-based position when the field is one element of a repeated one; `nil` when
    /// the CLI has no flag for it.
    func flag(for field: String) -> String? {
        var components: [(name: Substring, index: Int?)] = field.split(separator: ".").map { component in
            guard let open = component.firstIndex(of: "["), component.last == "]",
                let index = Int(component[component.index(after: open) ..< component.index(before: component.endIndex)])
            else { return (component, nil) }
            return (component[..<open], index)
        }
        while !components.isEmpty {
            if let flag = self.byField[components.map(\.name).joined(separator: ".")] {
                guard let index = components.last(where: { $0.index != nil })?.index else { return flag }
                return "\(flag) #\(index + 1)"
            }
            components.removeLast()
        }
        return nil
    }
}
