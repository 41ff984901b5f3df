/// One fact of an ingest call after checking: valid, or rejected with its reason; with its position in the call.
public struct IncomingFact: Sendable {
    /// The fact's position in the call, from 0.
    public var index: Int
    /// The id as sent, for reporting a rejection.
    public var sentID: String
    public var checked: Result<Fact, FactRejection>

    public init(index: Int, sentID: String, checked: Result<Fact, FactRejection>) {
        self.index = index
        self.sentID = sentID
        self.checked = checked
    }
}
