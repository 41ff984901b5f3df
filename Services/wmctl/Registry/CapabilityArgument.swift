import ArgumentParser
import WindMakerMessages

/// One self-declared capability given as `RATING:DESCRIPTION`, e.g. `--traffic-operation "70:Runs paid traffic"`:
/// a self-rating from 0 to 100, a colon, then free text (which may itself contain colons).
struct CapabilityArgument: ExpressibleByArgument, Sendable {
    let value: RegistryV1.Capability

    init?(argument: String) {
        guard let colon = argument.firstIndex(of: ":"),
            let rating = UInt32(argument[..<colon]), rating <= 100
        else { return nil }
        self.value = RegistryV1.Capability(
            description: String(argument[argument.index(after: colon)...]),
            selfRating: rating
        )
    }

    static var defaultValueDescription: String { "RATING:DESCRIPTION" }
}
