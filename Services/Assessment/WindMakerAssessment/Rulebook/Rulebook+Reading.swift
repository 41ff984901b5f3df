public import WindMakerKit

extension Rulebook {
    /// Reads and validates a rulebook document.
    /// - Throws: ``InvalidRequest`` listing every violation, each named by its path in the document
    ///   (`dimensions.live_stream.indicators[2].points`).
    public static func read(_ document: [UInt8]) throws(InvalidRequest) -> Rulebook {
        try JSONDocumentReader.read(document, noun: "rulebook") { json, reader in
            var rulebookReader = RulebookReader(reader: reader)
            defer { reader = rulebookReader.reader }
            return rulebookReader.rulebook(json)
        }
    }
}

/// Walks a rulebook document, collecting every violation with its path instead of stopping at the first.
struct RulebookReader {
    var reader: JSONDocumentReader

    mutating func rulebook(_ json: JSONValue) -> Rulebook? {
        guard
            let root = self.reader.object(
                json,
                "",
                known: [
                    "window_months", "club_window_months", "dimensions", "type_weights", "gates", "tiers", "clubs",
                ]
            )
        else { return nil }
        let window = self.reader.integer(root["window_months"], "window_months", in: 1 ... 12)
        let clubWindow = self.reader.integer(root["club_window_months"], "club_window_months", in: 1 ... 24)
        let dimensions = self.dimensions(root["dimensions"])
        let weights = self.typeWeights(root["type_weights"])
        let gates = self.gates(root["gates"])
        let tiers = self.thresholds(root["tiers"], "tiers", decimals: 2, range: 0 ... 10_000)
        let clubs = self.thresholds(root["clubs"], "clubs", decimals: 0, range: 1 ... Int64.max)
        guard let window, let clubWindow, let dimensions, let weights, let gates, let tiers, let clubs else {
            return nil
        }
        return Rulebook(
            windowMonths: Int(window),
            clubWindowMonths: Int(clubWindow),
            dimensions: dimensions,
            typeWeights: weights,
            fakeOrderFulfilmentCap: gates.cap,
            fakeOrderDisqualifies: gates.disqualifies,
            minimumRankedGMV: gates.minimumRankedGMV,
            tiers: tiers,
            clubs: clubs
        )
    }

    // MARK: Sections

    private mutating func dimensions(_ json: JSONValue?) -> [Dimension: [Rulebook.IndicatorRule]]? {
        guard let members = self.reader.object(json, "dimensions", known: Dimension.allCases.map(\.rawValue)) else {
            return nil
        }
        var result: [Dimension: [Rulebook.IndicatorRule]] = [:]
        for dimension in Dimension.allCases {
            let path = "dimensions.\(dimension)"
            guard let body = self.reader.object(members[dimension.rawValue], path, known: ["indicators"]) else {
                continue
            }
            guard let list = self.reader.array(body["indicators"], "\(path).indicators", count: 1 ... 10) else {
                continue
            }
            var ids = Set<String>()
            var rules: [Rulebook.IndicatorRule] = []
            for (index, element) in list.enumerated() {
                guard let rule = self.indicator(element, "\(path).indicators[\(index)]") else { continue }
                if !ids.insert(rule.id).inserted {
                    self.reader.fail("\(path).indicators[\(index)].id", "\"\(rule.id)\" is used twice in \(dimension)")
                }
                rules.append(rule)
            }
            result[dimension] = rules
        }
        return result.count == Dimension.allCases.count ? result : nil
    }

    private mutating func indicator(_ json: JSONValue?, _ path: String) -> Rulebook.IndicatorRule? {
        guard let members = self.reader.object(json, path, known: ["id", "value", "weight", "points", "empty"]) else {
            return nil
        }
        let id = self.reader.identifier(members["id"], "\(path).id")
        let formula = self.formula(members["value"], "\(path).value")
        let weight = self.reader.integer(members["weight"], "\(path).weight", in: 1 ... 1_000)
        let curve = self.curve(members["points"], "\(path).points")
        let empty =
            members["empty"] == nil
            ? 0 : self.reader.decimal(members["empty"], "\(path).empty", decimals: 2, in: 0 ... 10_000)
        guard let id, let formula, let weight, let curve, let empty else { return nil }
        return Rulebook.IndicatorRule(id: id, formula: formula, weight: weight, curve: curve, emptyPoints: empty)
    }

    private mutating func formula(_ json: JSONValue?, _ path: String) -> IndicatorFormula? {
        guard let members = self.reader.object(json, path, known: ["sum", "ratio"]) else { return nil }
        guard members.count == 1 else {
            self.reader.fail(path, "must have exactly one of \"sum\" or \"ratio\"")
            return nil
        }
        if let sum = members["sum"] {
            return self.metric(sum, "\(path).sum").map(IndicatorFormula.sum)
        }
        guard let pair = self.reader.array(members["ratio"], "\(path).ratio", count: 2 ... 2) else { return nil }
        let numerator = self.metric(pair[0], "\(path).ratio[0]")
        let denominator = self.metric(pair[1], "\(path).ratio[1]")
        guard let numerator, let denominator else { return nil }
        return .ratio(numerator, denominator)
    }

    private mutating func curve(_ json: JSONValue?, _ path: String) -> Curve? {
        guard let list = self.reader.array(json, path, count: 2 ... 20) else { return nil }
        var points: [Curve.Point] = []
        var valid = true
        for (index, element) in list.enumerated() {
            let pointPath = "\(path)[\(index)]"
            guard let pair = self.reader.array(element, pointPath, count: 2 ... 2) else {
                valid = false
                continue
            }
            let x = self.reader.decimal(
                pair[0],
                "\(pointPath)[0]",
                decimals: 4,
                in: -1_000_000_000_000_000 ... 1_000_000_000_000_000
            )
            let y = self.reader.decimal(pair[1], "\(pointPath)[1]", decimals: 2, in: 0 ... 10_000)
            guard let x, let y else {
                valid = false
                continue
            }
            if let previous = points.last, x <= previous.x {
                self.reader.fail(
                    "\(pointPath)[0]",
                    "x must be greater than the previous point's (\(DecimalText.format(previous.x, decimals: 4)))"
                )
                valid = false
            }
            points.append(Curve.Point(x: x, y: y))
        }
        return valid ? Curve(points: points) : nil
    }

    private mutating func typeWeights(_ json: JSONValue?) -> [ProviderType: [Dimension: Int64]]? {
        guard let members = self.reader.object(json, "type_weights", known: ProviderType.allCases.map(\.rawValue))
        else {
            return nil
        }
        var result: [ProviderType: [Dimension: Int64]] = [:]
        for type in ProviderType.allCases {
            let path = "type_weights.\(type)"
            guard
                let weights = self.reader.object(
                    members[type.rawValue],
                    path,
                    known: Dimension.allCases.map(\.rawValue)
                )
            else {
                continue
            }
            var row: [Dimension: Int64] = [:]
            for dimension in Dimension.allCases {
                if let weight = self.reader.integer(
                    weights[dimension.rawValue],
                    "\(path).\(dimension)",
                    in: 0 ... 1_000
                ) {
                    row[dimension] = weight
                }
            }
            guard row.count == Dimension.allCases.count else { continue }
            if row.values.allSatisfy({ $0 == 0 }) {
                self.reader.fail(path, "at least one dimension needs a weight above 0")
                continue
            }
            result[type] = row
        }
        return result.count == ProviderType.allCases.count ? result : nil
    }

    private mutating func gates(_ json: JSONValue?) -> (cap: Int64, disqualifies: Bool, minimumRankedGMV: Int64)? {
        guard let members = self.reader.object(json, "gates", known: ["fake_order", "minimum_ranked_gmv_fen"]) else {
            return nil
        }
        let minimum = self.reader.integer(
            members["minimum_ranked_gmv_fen"],
            "gates.minimum_ranked_gmv_fen",
            in: 0 ... Int64.max
        )
        guard
            let fakeOrder = self.reader.object(
                members["fake_order"],
                "gates.fake_order",
                known: ["fulfilment_cap", "disqualifies"]
            )
        else { return nil }
        let cap = self.reader.decimal(
            fakeOrder["fulfilment_cap"],
            "gates.fake_order.fulfilment_cap",
            decimals: 2,
            in: 0 ... 10_000
        )
        let disqualifies = self.reader.bool(fakeOrder["disqualifies"], "gates.fake_order.disqualifies")
        guard let minimum, let cap, let disqualifies else { return nil }
        return (cap, disqualifies, minimum)
    }

    private mutating func thresholds(
        _ json: JSONValue?,
        _ path: String,
        decimals: Int,
        range: ClosedRange<Int64>
    ) -> [Rulebook.Threshold]? {
        guard let list = self.reader.array(json, path, count: 1 ... 10) else { return nil }
        var result: [Rulebook.Threshold] = []
        var valid = true
        for (index, element) in list.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let field = decimals == 0 ? "minimum_gmv_fen" : "minimum"
            guard let members = self.reader.object(element, itemPath, known: ["name", field]) else {
                valid = false
                continue
            }
            let name = self.reader.identifier(members["name"], "\(itemPath).name", upperCase: true)
            let minimum = self.reader.decimal(members[field], "\(itemPath).\(field)", decimals: decimals, in: range)
            guard let name, let minimum else {
                valid = false
                continue
            }
            if let previous = result.last, minimum >= previous.minimum {
                self.reader.fail(
                    "\(itemPath).\(field)",
                    "must be below the previous entry's: list from the highest down"
                )
                valid = false
            }
            if result.contains(where: { $0.name == name }) {
                self.reader.fail("\(itemPath).name", "\"\(name)\" is used twice")
                valid = false
            }
            result.append(Rulebook.Threshold(name: name, minimum: minimum))
        }
        return valid ? result : nil
    }

    // MARK: Values

    private mutating func metric(_ json: JSONValue?, _ path: String) -> Metric? {
        guard case .string(let name)? = json else {
            self.reader.fail(path, "must be a metric name such as \"PAID_GMV\"")
            return nil
        }
        guard let metric = Metric(rawValue: name) else {
            self.reader.fail(
                path,
                "unknown metric \"\(name)\" (known: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
            return nil
        }
        return metric
    }
}
