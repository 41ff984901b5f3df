public import WindMakerKit

/// An appeal's identity: `apl_` followed by 16 lower-case base32 characters, assigned when it is filed.
public struct AppealID: RandomIdentifier {
    package static let prefix = "apl_"
    package static let randomLength = 16
    package static let noun = "appeal id"

    public let rawValue: String

    package init(validRawValue rawValue: String) {
        self.rawValue = rawValue
    }
}
