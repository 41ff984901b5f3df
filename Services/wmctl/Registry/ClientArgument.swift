import ArgumentParser
import WindMakerMessages

/// A client as `KIND:ID`, e.g. `merchant:m-1001` (kind: merchant, brand or streamer; the id may contain colons).
struct ClientArgument: ExpressibleByArgument, Sendable {
    let value: RegistryV1.ClientRef

    init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"),
            let kind = EnumArgument<RegistryV1.ClientKind>(argument: String(argument[..<colon]))
        else { return nil }
        let id = String(argument[argument.index(after: colon)...])
        guard !id.isEmpty else { return nil }
        self.value = RegistryV1.ClientRef(kind: kind.value, id: id)
    }

    static var defaultValueDescription: String { "KIND:ID" }
}
