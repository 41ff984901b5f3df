public import WindMakerKit

/// The five-power model (五力模型) as declared by an applicant: one ``Capability`` per power.
public struct Capabilities: Hashable, Sendable {
    /// Traffic operation: buying and converting traffic.
    public var trafficOperation: Capability
    /// Live-stream operation: running live rooms.
    public var liveStreamOperation: Capability
    /// Streamer incubation: finding and growing streamers.
    public var streamerIncubation: Capability
    /// Supply chain: sourcing goods and fulfilling orders.
    public var supplyChain: Capability
    /// Service fulfilment: serving merchants, brands and streamers as promised.
    public var serviceFulfilment: Capability

    public init(
        trafficOperation: Capability = Capability(),
        liveStreamOperation: Capability = Capability(),
        streamerIncubation: Capability = Capability(),
        supplyChain: Capability = Capability(),
        serviceFulfilment: Capability = Capability()
    ) {
        self.trafficOperation = trafficOperation
        self.liveStreamOperation = liveStreamOperation
        self.streamerIncubation = streamerIncubation
        self.supplyChain = supplyChain
        self.serviceFulfilment = serviceFulfilment
    }

    /// The five powers with their proto field names, in the model's order.
    public var all: [(field: String, capability: Capability)] {
        [
            ("traffic_operation", self.trafficOperation),
            ("live_stream_operation", self.liveStreamOperation),
            ("streamer_incubation", self.streamerIncubation),
            ("supply_chain", self.supplyChain),
            ("service_fulfilment", self.serviceFulfilment),
        ]
    }

    /// Every problem with any power, under `field` (e.g. `capabilities.supply_chain.self_rating`).
    public func violations(field: String) -> [FieldViolation] {
        self.all.flatMap { $0.capability.violations(field: "\(field).\($0.field)") }
    }
}
