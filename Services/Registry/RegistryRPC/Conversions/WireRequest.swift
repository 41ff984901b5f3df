import WindMakerKit
import WindMakerMessages
import WindMakerRegistry
import WindMakerServiceKit

/// Request fields the registry's calls share: ids, pages, regions.
enum WireRequest {
    /// A required provider id; empty or malformed names `field`.
    static func providerID(_ text: String, field: String) throws(RegistryError) -> ProviderID {
        guard !text.isEmpty else { throw Self.required(field) }
        do {
            return try ProviderID(text)
        } catch {
            throw .invalidArgument([FieldViolation(field: field, description: error.problem)])
        }
    }

    /// A required binding id; empty or malformed names `field`.
    static func bindingID(_ text: String, field: String) throws(RegistryError) -> BindingID {
        guard !text.isEmpty else { throw Self.required(field) }
        do {
            return try BindingID(text)
        } catch {
            throw .invalidArgument([FieldViolation(field: field, description: error.problem)])
        }
    }

    /// An optional region filter: empty means any.
    static func region(_ text: String, field: String) throws(RegistryError) -> Region? {
        guard !text.isEmpty else { return nil }
        do {
            return try Region(text)
        } catch {
            throw .invalidArgument([FieldViolation(field: field, description: error.problem)])
        }
    }

    /// The page asked for; the registry checks the size and token, naming `page.page_size` and `page.page_token`.
    static func page(_ page: CommonV1.PageRequest?) -> PageRequest {
        PageRequest(size: Int(page?.pageSize ?? 0), token: page?.pageToken)
    }

    static func required(_ field: String) -> RegistryError {
        .invalidArgument([FieldViolation(field: field, description: "is required")])
    }
}
