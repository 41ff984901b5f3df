/// A step of a many-call command (`demo`, `report`) that could not be done, saying which and what the service
/// answered; printed as `Error: …` with exit status 1.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
