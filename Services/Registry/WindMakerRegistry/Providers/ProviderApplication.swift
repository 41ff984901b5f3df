public import WindMakerKit

/// What an applicant submits, as received: free text not yet trimmed, the credit code and region as strings.
///
/// ``validate()`` reports every problem at once, so the applicant can fix them in one round;
/// ``validated()`` turns a clean application into the ``ProviderProfile`` the registry stores.
///
/// | field | rule |
/// |---|---|
/// | `display_name` | 1–100 characters after trimming |
/// | `legal_name` | 1–200 characters after trimming |
/// | `credit_code` | a valid ``CreditCode`` |
/// | `region` | a valid ``Region``; required for `LOCAL`, optional otherwise |
/// | `categories` | at most 50 (counted before any is checked), each 1–50 characters after trimming, no duplicates |
/// | `contact` | see ``Contact`` |
/// | `capabilities` | see ``Capability`` |
///
/// Names, categories and descriptions are display text: no control or bidi-override characters (an operator's
/// terminal would act on them), and the violation names the first one and its position.
public struct ProviderApplication: Hashable, Sendable {
    /// The limits the rules above use.
    public enum Limits {
        public static let displayName = 100
        public static let legalName = 200
        public static let categoryCount = 50
        public static let categoryLength = 50
    }

    /// The name shown in the program, e.g. "Minjiang Live".
    public var displayName: String
    /// The registered legal name, as on the business licence.
    public var legalName: String
    /// The unified social credit code, as typed.
    public var creditCode: String
    /// The track applied for.
    public var type: ProviderType
    /// The administrative division code, as typed; `nil` or empty when not given.
    public var region: String?
    /// Product or service categories the provider works in.
    public var categories: [String]
    /// Who to talk to.
    public var contact: Contact
    /// The five powers as declared.
    public var capabilities: Capabilities

    public init(
        displayName: String,
        legalName: String,
        creditCode: String,
        type: ProviderType,
        region: String? = nil,
        categories: [String] = [],
        contact: Contact,
        capabilities: Capabilities = Capabilities()
    ) {
        self.displayName = displayName
        self.legalName = legalName
        self.creditCode = creditCode
        self.type = type
        self.region = region
        self.categories = categories
        self.contact = contact
        self.capabilities = capabilities
    }

    /// Every problem with the application, each naming its field; empty when it is valid.
    public func validate() -> [FieldViolation] {
        self.check().violations
    }

    /// The application as a stored profile: text trimmed, codes parsed and normalised.
    /// - Throws: ``RegistryError/invalidArgument(_:)`` with every violation ``validate()`` reports.
    public func validated() throws(RegistryError) -> ProviderProfile {
        let (profile, violations) = self.check()
        guard let profile, violations.isEmpty else { throw .invalidArgument(violations) }
        return profile
    }

    /// Parses and checks every field, collecting all problems; the profile is built only when there are none.
    private func check() -> (profile: ProviderProfile?, violations: [FieldViolation]) {
        var violations: [FieldViolation] = []
        let displayName = self.displayName.trimmedWhitespace
        if let violation = TextRule.violation(of: displayName, field: "display_name", maximum: Limits.displayName) {
            violations.append(violation)
        }
        let legalName = self.legalName.trimmedWhitespace
        if let violation = TextRule.violation(of: legalName, field: "legal_name", maximum: Limits.legalName) {
            violations.append(violation)
        }
        var creditCode: CreditCode?
        do {
            creditCode = try CreditCode(self.creditCode)
        } catch {
            violations.append(FieldViolation(field: "credit_code", error: error))
        }
        var region: Region?
        if let text = self.region?.trimmedWhitespace, !text.isEmpty {
            do {
                region = try Region(text)
            } catch {
                violations.append(FieldViolation(field: "region", error: error))
            }
        } else if self.type.requiresRegion {
            violations.append(FieldViolation(field: "region", description: "is required for \(self.type) providers"))
        }
        violations += self.categoryViolations()
        violations += self.contact.violations(field: "contact")
        violations += self.capabilities.violations(field: "capabilities")
        guard violations.isEmpty, let creditCode else { return (nil, violations) }
        let profile = ProviderProfile(
            displayName: displayName,
            legalName: legalName,
            creditCode: creditCode,
            type: self.type,
            region: region,
            categories: self.categories.map(\.trimmedWhitespace),
            contact: self.contact.trimmed,
            capabilities: self.capabilities
        )
        return (profile, [])
    }

    private func categoryViolations() -> [FieldViolation] {
        // The count first, and alone: a request with 450,000 categories is one problem, not 450,000 to list.
        guard self.categories.count <= Limits.categoryCount else {
            return [
                FieldViolation(
                    field: "categories",
                    description: "at most \(Limits.categoryCount) categories, found \(self.categories.count)"
                )
            ]
        }
        var violations: [FieldViolation] = []
        var seen: [String: Int] = [:]
        for (index, category) in self.categories.enumerated() {
            let field = "categories[\(index)]"
            let trimmed = category.trimmedWhitespace
            if let violation = TextRule.violation(of: trimmed, field: field, maximum: Limits.categoryLength) {
                violations.append(violation)
            } else if let first = seen[trimmed] {
                violations.append(FieldViolation(field: field, description: "duplicates categories[\(first)]"))
            } else {
                seen[trimmed] = index
            }
        }
        return violations
    }
}
