public import WindMakerKit

/// Who the registry talks to at a provider.
///
/// Checked for shape, not reachability: a name of 1–100 characters, a phone number of 5–20 characters from digits,
/// spaces, `-` and a leading `+` (at least 5 digits), and an e-mail address `local@domain` of at most 254 characters
/// with a 1–64 character local part, a dotted domain of non-empty labels, and no white space. The name and the address
/// are display text: no control or bidi-override characters.
public struct Contact: Hashable, Sendable {
    /// The person's name.
    public var name: String
    /// A phone number, e.g. `+86 591 8888 0000`.
    public var phone: String
    /// An e-mail address.
    public var email: String

    public init(name: String, phone: String, email: String) {
        self.name = name
        self.phone = phone
        self.email = email
    }

    /// The same contact with surrounding white space removed from every field.
    public var trimmed: Contact {
        Contact(
            name: self.name.trimmedWhitespace,
            phone: self.phone.trimmedWhitespace,
            email: self.email.trimmedWhitespace
        )
    }

    /// Every problem with the (trimmed) contact, under `field` (e.g. `contact.email`).
    public func violations(field: String) -> [FieldViolation] {
        let contact = self.trimmed
        var violations: [FieldViolation] = []
        if let violation = TextRule.violation(of: contact.name, field: "\(field).name", maximum: 100) {
            violations.append(violation)
        }
        if let problem = Self.phoneProblem(contact.phone) {
            violations.append(FieldViolation(field: "\(field).phone", description: problem))
        }
        if let problem = Self.emailProblem(contact.email) {
            violations.append(FieldViolation(field: "\(field).email", description: problem))
        }
        return violations
    }

    static func phoneProblem(_ phone: String) -> String? {
        if phone.isEmpty { return "must not be empty" }
        guard (5 ... 20).contains(phone.count) else {
            return "must be 5 to 20 characters, found \(phone.count)"
        }
        for (offset, character) in phone.enumerated() {
            let allowed =
                (character.isASCII && character.isWholeNumber) || character == " " || character == "-"
                || (character == "+" && offset == 0)
            if !allowed {
                return "invalid character '\(character)' at position \(offset + 1): use digits, spaces, '-' and a "
                    + "leading '+'"
            }
        }
        guard phone.filter(\.isWholeNumber).count >= 5 else { return "must contain at least 5 digits" }
        return nil
    }

    static func emailProblem(_ email: String) -> String? {
        if email.isEmpty { return "must not be empty" }
        if let problem = TextRule.characterProblem(email) { return problem }
        guard email.count <= 254 else { return "must be at most 254 characters, found \(email.count)" }
        guard !email.contains(where: \.isWhitespace) else { return "must not contain white space" }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2 else { return "must be of the form name@example.com with exactly one '@'" }
        let (local, domain) = (parts[0], parts[1])
        guard (1 ... 64).contains(local.count) else { return "the part before '@' must be 1 to 64 characters" }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }) else {
            return "the domain after '@' must be dotted, like example.com"
        }
        return nil
    }
}
