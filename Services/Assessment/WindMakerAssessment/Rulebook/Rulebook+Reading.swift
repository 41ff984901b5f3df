public import WindMakerKit

extension Rulebook {
    /// Reads and validates a rulebook document.
    /// - Throws: ``InvalidRequest`` listing every violation, each named by its path in the document
    ///   (`dimensions.live_stream.indicators[2].points`).
    public static func read(_ document: [UInt8]) throws(InvalidRequest) -> Rulebook {
        let json: JSONValue
        do {
            json = try JSONValue.parse(document)
        } catch {
            throw InvalidRequest(field: "", "\(error)")
        }
        var reader = RulebookReader()
        let rulebook = reader.rulebook(json)
        guard reader.violations.isEmpty, let rulebook else {
            throw InvalidRequest(
                reader.violations.isEmpty
                    ? [FieldViolation(field: "", description: "invalid rulebook")] : reader.violations
            )
        }
        return rulebook
    }
}

/// Walks a rulebook document, collecting every violation with its path instead of stopping at the first.
struct RulebookReader {
    var violations: [FieldViolation] = []

    /// Records a violation; names from the document are shown with control characters escaped (a member named
    /// `"\u0000"` must not put a NUL into the status message).
    private mutating func fail(_ path: String, _ problem: String) {
        self.violations.append(FieldViolation(field: Self.printable(path), description: Self.printable(problem)))
    }

    private static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var output = ""
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 || scalar.value == 0x7F {
                output += "\\u{\(String(scalar.value, radix: 16))}"
            } else {
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    mutating func rulebook(_ json: JSONValue) -> Rulebook? {
        guard
            let root = self.object(
                json,
                "",
                known: [
                    "window_months", "club_window_months", "dimensions", "type_weights", "gates", "tiers", "clubs",
                ]
            )
        else { return nil }
        let window = self.integer(root["window_months"], "window_months", in: 1 ... 12)
        let clubWindow = self.integer(root["club_window_months"], "club_window_months", in: 1 ... 24)
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
        guard let members = self.object(json, "dimensions", known: Dimension.allCases.map(\.rawValue)) else {
            return nil
        }
        var result: [Dimension: [Rulebook.IndicatorRule]] = [:]
        for dimension in Dimension.allCases {
            let path = "dimensions.\(dimension)"
            guard let body = self.object(members[dimension.rawValue], path, known: ["indicators"]) else { continue }
            guard let list = self.array(body["indicators"], "\(path).indicators", count: 1 ... 10) else { continue }
            var ids = Set<String>()
            var rules: [Rulebook.IndicatorRule] = []
            for (index, element) in list.enumerated() {
                guard let rule = self.indicator(element, "\(path).indicators[\(index)]") else { continue }
                if !ids.insert(rule.id).inserted {
                    self.fail("\(path).indicators[\(index)].id", "\"\(rule.id)\" is used twice in \(dimension)")
                }
                rules.append(rule)
            }
            result[dimension] = rules
        }
        return result.count == Dimension.allCases.count ? result : nil
    }

    private mutating func indicator(_ json: JSONValue?, _ path: String) -> Rulebook.IndicatorRule? {
        guard let members = self.object(json, path, known: ["id", "value", "weight", "points", "empty"]) else {
            return nil
        }
        let id = self.identifier(members["id"], "\(path).id")
        let formula = self.formula(members["value"], "\(path).value")
        let weight = self.integer(members["weight"], "\(path).weight", in: 1 ... 1_000)
        let curve = self.curve(members["points"], "\(path).points")
        let empty =
            members["empty"] == nil ? 0 : self.decimal(members["empty"], "\(path).empty", decimals: 2, in: 0 ... 10_000)
        guard let id, let formula, let weight, let curve, let empty else { return nil }
        return Rulebook.IndicatorRule(id: id, formula: formula, weight: weight, curve: curve, emptyPoints: empty)
    }

    private mutating func formula(_ json: JSONValue?, _ path: String) -> IndicatorFormula? {
        guard let members = self.object(json, path, known: ["sum", "ratio"]) else { return nil }
        guard members.count == 1 else {
            self.fail(path, "must have exactly one of \"sum\" or \"ratio\"")
            return nil
        }
        if let sum = members["sum"] {
            return self.metric(sum, "\(path).sum").map(IndicatorFormula.sum)
        }
        guard let pair = self.array(members["ratio"], "\(path).ratio", count: 2 ... 2) else { return nil }
        let numerator = self.metric(pair[0], "\(path).ratio[0]")
        let denominator = self.metric(pair[1], "\(path).ratio[1]")
        guard let numerator, let denominator else { return nil }
        return .ratio(numerator, denominator)
    }

    private mutating func curve(_ json: JSONValue?, _ path: String) -> Curve? {
        guard let list = self.array(json, path, count: 2 ... 20) else { return nil }
        var points: [Curve.Point] = []
        var valid = true
        for (index, element) in list.enumerated() {
            let pointPath = "\(path)[\(index)]"
            guard let pair = self.array(element, pointPath, count: 2 ... 2) else {
                valid = false
                continue
            }
            let x = self.decimal(
                pair[0],
                "\(pointPath)[0]",
                decimals: 4,
                in: -1_000_000_000_000_000 ... 1_000_000_000_000_000
            )
            let y = self.decimal(pair[1], "\(pointPath)[1]", decimals: 2, in: 0 ... 10_000)
            guard let x, let y else {
                valid = false
                continue
            }
            if let previous = points.last, x <= previous.x {
                self.fail(
                    "\(pointPath)[0]",
                    "x must be greater than the previous point's (\(FixedPoint.format(previous.x, decimals: 4)))"
                )
                valid = false
            }
            points.append(Curve.Point(x: x, y: y))
        }
        return valid ? Curve(points: points) : nil
    }

    private mutating func typeWeights(_ json: JSONValue?) -> [ProviderType: [Dimension: Int64]]? {
        guard let members = self.object(json, "type_weights", known: ProviderType.allCases.map(\.rawValue)) else {
            return nil
        }
        var result: [ProviderType: [Dimension: Int64]] = [:]
        for type in ProviderType.allCases {
            let path = "type_weights.\(type)"
            guard let weights = self.object(members[type.rawValue], path, known: Dimension.allCases.map(\.rawValue))
            else {
                continue
            }
            var row: [Dimension: Int64] = [:]
            for dimension in Dimension.allCases {
                if let weight = self.integer(weights[dimension.rawValue], "\(path).\(dimension)", in: 0 ... 1_000) {
                    row[dimension] = weight
                }
            }
            guard row.count == Dimension.allCases.count else { continue }
            if row.values.allSatisfy({ $0 == 0 }) {
                self.fail(path, "at least one dimension needs a weight above 0")
                continue
            }
            result[type] = row
        }
        return result.count == ProviderType.allCases.count ? result : nil
    }

    private mutating func gates(_ json: JSONValue?) -> (cap: Int64, disqualifies: Bool, minimumRankedGMV: Int64)? {
        guard let members = self.object(json, "gates", known: ["fake_order", "minimum_ranked_gmv_fen"]) else {
            return nil
        }
        let minimum = self.integer(
            members["minimum_ranked_gmv_fen"],
            "gates.minimum_ranked_gmv_fen",
            in: 0 ... Int64.max
        )
        guard
            let fakeOrder = self.object(
                members["fake_order"],
                "gates.fake_order",
                known: ["fulfilment_cap", "disqualifies"]
            )
        else { return nil }
        let cap = self.decimal(
            fakeOrder["fulfilment_cap"],
            "gates.fake_order.fulfilment_cap",
            decimals: 2,
            in: 0 ... 10_000
        )
        var disqualifies: Bool?
        switch fakeOrder["disqualifies"] {
        case .bool(let value): disqualifies = value
        case nil: self.fail("gates.fake_order.disqualifies", "is required")
        case let other?:
            self.fail("gates.fake_order.disqualifies", "must be true or false, found \(other.kindDescription)")
        }
        guard let minimum, let cap, let disqualifies else { return nil }
        return (cap, disqualifies, minimum)
    }

    private mutating func thresholds(
        _ json: JSONValue?,
        _ path: String,
        decimals: Int,
        range: ClosedRange<Int64>
    ) -> [Rulebook.Threshold]? {
        guard let list = self.array(json, path, count: 1 ... 10) else { return nil }
        var result: [Rulebook.Threshold] = []
        var valid = true
        for (index, element) in list.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let field = decimals == 0 ? "minimum_gmv_fen" : "minimum"
            guard let members = self.object(element, itemPath, known: ["name", field]) else {
                valid = false
                continue
            }
            let name = self.identifier(members["name"], "\(itemPath).name", upperCase: true)
            let minimum = self.decimal(members[field], "\(itemPath).\(field)", decimals: decimals, in: range)
            guard let name, let minimum else {
                valid = false
                continue
            }
            if let previous = result.last, minimum >= previous.minimum {
                self.fail("\(itemPath).\(field)", "must be below the previous entry's: list from the highest down")
                valid = false
            }
            if result.contains(where: { $0.name == name }) {
                self.fail("\(itemPath).name", "\"\(name)\" is used twice")
                valid = false
            }
            result.append(Rulebook.Threshold(name: name, minimum: minimum))
        }
        return valid ? result : nil
    }

    // MARK: Values

    private mutating func object(_ json: JSONValue?, _ path: String, known: [String]) -> [String: JSONValue]? {
        guard let json else {
            self.fail(path, "is required")
            return nil
        }
        guard case .object(let members) = json else {
            self.fail(path, "must be an object, found \(json.kindDescription)")
            return nil
        }
        for name in members.keys.sorted() where !known.contains(name) {
            self.fail(
                path.isEmpty ? name : "\(path).\(name)",
                "is not a rulebook field (expected one of: \(known.joined(separator: ", ")))"
            )
        }
        return members
    }

    private mutating func array(_ json: JSONValue?, _ path: String, count: ClosedRange<Int>) -> [JSONValue]? {
        guard let json else {
            self.fail(path, "is required")
            return nil
        }
        guard case .array(let elements) = json else {
            self.fail(path, "must be an array, found \(json.kindDescription)")
            return nil
        }
        guard count.contains(elements.count) else {
            let expected =
                count.lowerBound == count.upperBound
                ? "\(count.lowerBound)" : "\(count.lowerBound) to \(count.upperBound)"
            self.fail(path, "must have \(expected) entries, found \(elements.count)")
            return nil
        }
        return elements
    }

    private mutating func integer(_ json: JSONValue?, _ path: String, in range: ClosedRange<Int64>) -> Int64? {
        self.decimal(json, path, decimals: 0, in: range)
    }

    private mutating func decimal(
        _ json: JSONValue?,
        _ path: String,
        decimals: Int,
        in range: ClosedRange<Int64>
    ) -> Int64? {
        guard let json else {
            self.fail(path, "is required")
            return nil
        }
        guard case .number(let text) = json else {
            self.fail(path, "must be a number, found \(json.kindDescription)")
            return nil
        }
        guard let value = FixedPoint.parse(text, decimals: decimals) else {
            let kind = decimals == 0 ? "a whole number" : "a number with at most \(decimals) decimal places"
            self.fail(path, "must be \(kind) written without an exponent, found \(text)")
            return nil
        }
        guard range.contains(value) else {
            let low = FixedPoint.format(range.lowerBound, decimals: decimals)
            let high = range.upperBound == .max ? "" : FixedPoint.format(range.upperBound, decimals: decimals)
            self.fail(path, "must be \(high.isEmpty ? "at least \(low)" : "between \(low) and \(high)"), found \(text)")
            return nil
        }
        return value
    }

    private mutating func metric(_ json: JSONValue?, _ path: String) -> Metric? {
        guard case .string(let name)? = json else {
            self.fail(path, "must be a metric name such as \"PAID_GMV\"")
            return nil
        }
        guard let metric = Metric(rawValue: name) else {
            self.fail(
                path,
                "unknown metric \"\(name)\" (known: \(Metric.allCases.map(\.rawValue).joined(separator: ", ")))"
            )
            return nil
        }
        return metric
    }

    private mutating func identifier(_ json: JSONValue?, _ path: String, upperCase: Bool = false) -> String? {
        guard case .string(let name)? = json else {
            self.fail(path, "must be a string")
            return nil
        }
        let allowed = name.utf8.allSatisfy { byte in
            (48 ... 57).contains(byte) || byte == UInt8(ascii: "_")
                || (upperCase ? (65 ... 90).contains(byte) : (97 ... 122).contains(byte))
        }
        guard (1 ... 40).contains(name.utf8.count), allowed else {
            let letters = upperCase ? "A-Z" : "a-z"
            self.fail(path, "must be 1 to 40 characters of \(letters), 0-9 and _")
            return nil
        }
        return name
    }
}
