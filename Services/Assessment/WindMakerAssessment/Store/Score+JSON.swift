import WindMakerKit
import WindMakerStorage

/// A score's breakdown as canonical JSON (``JSONValue/serialized``): how scorecards are stored, and read back
/// exactly.
extension Score {
    /// The breakdown's canonical JSON, members in sorted order, written straight to text.
    var breakdownText: String {
        var writer = JSONWriter(capacity: 2_048)
        writer.object { json in
            json.member("club") { if let club = self.club { $0.string(club) } else { $0.null() } }
            json.member("club_gmv") { $0.integer(self.clubGMV) }
            json.member("composite") { $0.integer(self.composite) }
            json.member("dimensions") { list in
                list.array { for dimension in self.dimensions { dimension.write(to: &$0) } }
            }
            json.member("disqualified") { $0.bool(self.disqualified) }
            json.member("fake_orders") { $0.integer(self.totals.fakeOrders) }
            json.member("gates") { list in list.array { for gate in self.gates { $0.string(gate) } } }
            json.member("overrides") { list in list.array { for override in self.overrides { override.write(to: &$0) } }
            }
            json.member("ranked") { $0.bool(self.ranked) }
            json.member("tier") { $0.string(self.tier) }
            json.member("totals") { totals in
                totals.object {
                    for metric in Metric.allCases.sorted(by: { $0.rawValue < $1.rawValue })
                    where self.totals[metric] != 0 {
                        $0.member(metric.rawValue) { $0.integer(self.totals[metric]) }
                    }
                }
            }
        }
        return writer.text
    }

    init(providerID: ProviderID, providerType: ProviderType, breakdown text: String) throws(StorageError) {
        let json: JSONValue
        do {
            json = try JSONValue.parse(Array(text.utf8))
        } catch {
            throw StorageError(.invalidValue, "stored scorecard breakdown: \(error)")
        }
        let root = StoredJSON(json, "breakdown")
        var totals = MetricTotals()
        for (name, value) in try root.object("totals").members {
            guard let metric = Metric(rawValue: name) else {
                throw StorageError(.invalidValue, "stored scorecard: unknown metric \(name)")
            }
            let amount = try value.integer()
            if metric == .violations {
                let fakeOrders = try root.member("fake_orders").integer()
                totals.add(.violations, fakeOrders, kind: .fakeOrder)
                totals.add(.violations, amount - fakeOrders)
            } else {
                totals.add(metric, amount)
            }
        }
        self.init(
            providerID: providerID,
            providerType: providerType,
            totals: totals,
            clubGMV: try root.member("club_gmv").integer(),
            dimensions: try root.member("dimensions").array().map(DimensionScore.init(stored:)),
            composite: try root.member("composite").integer(),
            tier: try root.member("tier").string(),
            club: try root.member("club").optionalString(),
            gates: try root.member("gates").array().map { (gate) throws(StorageError) in try gate.string() },
            disqualified: try root.member("disqualified").bool(),
            ranked: try root.member("ranked").bool(),
            overrides: try root.member("overrides").array().map(IndicatorOverride.init(stored:))
        )
    }
}

extension DimensionScore {
    fileprivate func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("dimension") { $0.string(self.dimension.rawValue) }
            json.member("indicators") { list in
                list.array {
                    for indicator in self.indicators {
                        $0.object { json in
                            json.member("contribution") { $0.integer(indicator.contribution) }
                            json.member("id") { $0.string(indicator.id) }
                            json.member("overridden") { $0.bool(indicator.overridden) }
                            json.member("points") { $0.integer(indicator.points) }
                            json.member("value") {
                                if let value = indicator.value { $0.integer(value) } else { $0.null() }
                            }
                            json.member("weight") { $0.integer(indicator.weight) }
                        }
                    }
                }
            }
            json.member("score") { $0.integer(self.score) }
            json.member("uncapped") { $0.integer(self.uncapped) }
            json.member("weight") { $0.integer(self.weight) }
        }
    }

    fileprivate init(stored: StoredJSON) throws(StorageError) {
        let name = try stored.member("dimension").string()
        guard let dimension = Dimension(rawValue: name) else {
            throw StorageError(.invalidValue, "stored scorecard: unknown dimension \(name)")
        }
        self.init(
            dimension: dimension,
            score: try stored.member("score").integer(),
            uncapped: try stored.member("uncapped").integer(),
            weight: try stored.member("weight").integer(),
            indicators: try stored.member("indicators").array().map { (indicator) throws(StorageError) in
                IndicatorScore(
                    id: try indicator.member("id").string(),
                    value: try indicator.member("value").optionalInteger(),
                    points: try indicator.member("points").integer(),
                    weight: try indicator.member("weight").integer(),
                    contribution: try indicator.member("contribution").integer(),
                    overridden: try indicator.member("overridden").bool()
                )
            }
        )
    }
}

extension IndicatorOverride {
    func write(to json: inout JSONWriter) {
        json.object { json in
            json.member("dimension") { $0.string(self.dimension.rawValue) }
            json.member("indicator") { $0.string(self.indicator) }
            json.member("justification") { $0.string(self.justification) }
            json.member("value") { $0.integer(self.value) }
        }
    }

    /// The override as stored with its appeal.
    var jsonText: String {
        var writer = JSONWriter(capacity: 256)
        self.write(to: &writer)
        return writer.text
    }

    init(stored: StoredJSON) throws(StorageError) {
        let name = try stored.member("dimension").string()
        guard let dimension = Dimension(rawValue: name) else {
            throw StorageError(.invalidValue, "stored override: unknown dimension \(name)")
        }
        self.init(
            dimension: dimension,
            indicator: try stored.member("indicator").string(),
            value: try stored.member("value").integer(),
            justification: try stored.member("justification").string()
        )
    }
}

/// Typed access to JSON this service stored itself: any mismatch is a corrupt row, not a user's mistake.
struct StoredJSON {
    let value: JSONValue
    let path: String

    init(_ value: JSONValue, _ path: String) {
        self.value = value
        self.path = path
    }

    private func mismatch(_ expected: String) -> StorageError {
        StorageError(
            .invalidValue,
            "stored JSON at \(self.path): expected \(expected), found \(self.value.kindDescription)"
        )
    }

    var members: [(String, StoredJSON)] {
        get throws(StorageError) {
            guard case .object(let members) = self.value else { throw self.mismatch("an object") }
            return members.sorted { $0.key < $1.key }.map { ($0.key, StoredJSON($0.value, "\(self.path).\($0.key)")) }
        }
    }

    func object(_ name: String) throws(StorageError) -> StoredJSON {
        let member = try self.member(name)
        guard case .object = member.value else { throw member.mismatch("an object") }
        return member
    }

    func member(_ name: String) throws(StorageError) -> StoredJSON {
        guard case .object(let members) = self.value else { throw self.mismatch("an object") }
        return StoredJSON(members[name] ?? .null, "\(self.path).\(name)")
    }

    func array() throws(StorageError) -> [StoredJSON] {
        guard case .array(let elements) = self.value else { throw self.mismatch("an array") }
        return elements.enumerated().map { StoredJSON($0.element, "\(self.path)[\($0.offset)]") }
    }

    func integer() throws(StorageError) -> Int64 {
        guard case .number(let text) = self.value, let value = Int64(text) else { throw self.mismatch("an integer") }
        return value
    }

    func optionalInteger() throws(StorageError) -> Int64? {
        if case .null = self.value { return nil }
        return try self.integer()
    }

    func string() throws(StorageError) -> String {
        guard case .string(let text) = self.value else { throw self.mismatch("a string") }
        return text
    }

    func optionalString() throws(StorageError) -> String? {
        if case .null = self.value { return nil }
        return try self.string()
    }

    func bool() throws(StorageError) -> Bool {
        guard case .bool(let value) = self.value else { throw self.mismatch("a boolean") }
        return value
    }
}
