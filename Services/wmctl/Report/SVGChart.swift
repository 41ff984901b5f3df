import Foundation

/// Small inline SVG charts for the program report: lines with target lines, stacked bars and box plots. Each is a
/// fixed-size `<svg>` with its own axes and legend, drawn from numbers alone (no scripts, no fonts to fetch).
enum SVGChart {
    struct Series {
        let name: String
        let color: String
        let values: [Double]
    }

    static let width = 640.0
    static let height = 280.0
    private static let left = 70.0
    private static let right = 20.0
    private static let top = 30.0
    private static let bottom = 40.0

    /// A line per series over `labels`, with dashed horizontal `targets`.
    static func lines(
        title: String,
        labels: [String],
        series: [Series],
        targets: [Series] = [],
        format: (Double) -> String
    ) -> String {
        let maximum = Self.niceMaximum((series + targets).flatMap(\.values))
        var body = Self.axes(labels: labels, maximum: maximum, format: format)
        for target in targets {
            guard let value = target.values.first else { continue }
            let y = Self.y(value, maximum)
            body += "<line x1=\"\(Self.left)\" y1=\"\(y)\" x2=\"\(Self.width - Self.right)\" y2=\"\(y)\" "
            body += "stroke=\"\(target.color)\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>"
        }
        for line in series {
            let points = line.values.enumerated().map { "\(Self.x($0, labels.count)),\(Self.y($1, maximum))" }
            body += "<polyline fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"2.5\" "
            body += "points=\"\(points.joined(separator: " "))\"/>"
            for (index, value) in line.values.enumerated() {
                body += "<circle cx=\"\(Self.x(index, labels.count))\" cy=\"\(Self.y(value, maximum))\" r=\"3\" "
                body += "fill=\"\(line.color)\"><title>\(HTMLText.escaped("\(line.name) \(labels[index]): "))"
                body += "\(HTMLText.escaped(format(value)))</title></circle>"
            }
        }
        return Self.frame(title: title, body: body, legend: series + targets)
    }

    /// Bars over `labels`, each stacked from the series in order.
    static func stackedBars(title: String, labels: [String], stacks: [Series], format: (Double) -> String) -> String {
        let totals = labels.indices.map { index in stacks.reduce(0) { $0 + ($1.values[safe: index] ?? 0) } }
        let maximum = Self.niceMaximum(totals)
        var body = Self.axes(labels: labels, maximum: maximum, format: format)
        let slot = (Self.width - Self.left - Self.right) / Double(max(labels.count, 1))
        for index in labels.indices {
            var base = 0.0
            for stack in stacks {
                let value = stack.values[safe: index] ?? 0
                guard value > 0 else { continue }
                let top = Self.y(base + value, maximum)
                let height = Self.y(base, maximum) - top
                body += "<rect x=\"\(Self.left + slot * Double(index) + slot * 0.15)\" y=\"\(top)\" "
                body += "width=\"\(slot * 0.7)\" height=\"\(height)\" fill=\"\(stack.color)\">"
                body += "<title>\(HTMLText.escaped("\(stack.name) \(labels[index]): \(format(value))"))</title></rect>"
                base += value
            }
        }
        return Self.frame(title: title, body: body, legend: stacks)
    }

    /// A box (quartiles), whiskers (least and greatest) and median per group, on a 0–`maximum` scale.
    static func boxes(title: String, groups: [(name: String, values: [Double])], maximum: Double) -> String {
        var body = Self.axes(labels: groups.map(\.name), maximum: maximum, format: { String(Int($0)) })
        let slot = (Self.width - Self.left - Self.right) / Double(max(groups.count, 1))
        for (index, group) in groups.enumerated() where !group.values.isEmpty {
            let sorted = group.values.sorted()
            func quantile(_ q: Double) -> Double { sorted[Int((Double(sorted.count - 1) * q).rounded())] }
            let center = Self.left + slot * (Double(index) + 0.5)
            let half = slot * 0.25
            let (low, q1, median, q3, high) = (sorted[0], quantile(0.25), quantile(0.5), quantile(0.75), sorted.last!)
            body += "<line x1=\"\(center)\" y1=\"\(Self.y(low, maximum))\" x2=\"\(center)\" "
            body += "y2=\"\(Self.y(high, maximum))\" stroke=\"#445\" stroke-width=\"1.5\"/>"
            body += "<rect x=\"\(center - half)\" y=\"\(Self.y(q3, maximum))\" width=\"\(half * 2)\" "
            body += "height=\"\(max(1, Self.y(q1, maximum) - Self.y(q3, maximum)))\" fill=\"#8fb8de\" stroke=\"#445\">"
            body += "<title>\(HTMLText.escaped(group.name)): \(sorted.count) providers, median "
            body += "\(String(format: "%.2f", median))</title></rect>"
            body += "<line x1=\"\(center - half)\" y1=\"\(Self.y(median, maximum))\" x2=\"\(center + half)\" "
            body += "y2=\"\(Self.y(median, maximum))\" stroke=\"#c0392b\" stroke-width=\"2.5\"/>"
        }
        return Self.frame(title: title, body: body, legend: [])
    }

    private static func frame(title: String, body: String, legend: [Series]) -> String {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"\(Int(Self.width))\" "
        svg += "height=\"\(Int(Self.height))\" viewBox=\"0 0 \(Int(Self.width)) \(Int(Self.height))\">"
        svg += "<title>\(HTMLText.escaped(title))</title>"
        var x = Self.left
        for entry in legend {
            svg += "<rect x=\"\(x)\" y=\"8\" width=\"12\" height=\"12\" fill=\"\(entry.color)\"/>"
            svg += "<text x=\"\(x + 16)\" y=\"18\" font-size=\"12\">\(HTMLText.escaped(entry.name))</text>"
            x += 24 + Double(entry.name.count) * 7
        }
        return svg + body + "</svg>"
    }

    private static func axes(labels: [String], maximum: Double, format: (Double) -> String) -> String {
        var out = ""
        for step in 0 ... 4 {
            let value = maximum * Double(step) / 4
            let y = Self.y(value, maximum)
            out += "<line x1=\"\(Self.left)\" y1=\"\(y)\" x2=\"\(Self.width - Self.right)\" y2=\"\(y)\" "
            out += "stroke=\"#e3e6ea\"/>"
            out += "<text x=\"\(Self.left - 6)\" y=\"\(y + 4)\" font-size=\"11\" text-anchor=\"end\" fill=\"#556\">"
            out += "\(HTMLText.escaped(format(value)))</text>"
        }
        for (index, label) in labels.enumerated() {
            out += "<text x=\"\(Self.x(index, labels.count))\" y=\"\(Self.height - Self.bottom + 16)\" "
            out += "font-size=\"11\" text-anchor=\"middle\" fill=\"#556\">\(HTMLText.escaped(label))</text>"
        }
        out += "<line x1=\"\(Self.left)\" y1=\"\(Self.height - Self.bottom)\" x2=\"\(Self.width - Self.right)\" "
        out += "y2=\"\(Self.height - Self.bottom)\" stroke=\"#889\"/>"
        return out
    }

    private static func x(_ index: Int, _ count: Int) -> Double {
        let slot = (Self.width - Self.left - Self.right) / Double(max(count, 1))
        return (Self.left + slot * (Double(index) + 0.5)).rounded()
    }

    private static func y(_ value: Double, _ maximum: Double) -> Double {
        let span = Self.height - Self.top - Self.bottom
        return (Self.height - Self.bottom - span * value / maximum).rounded()
    }

    /// The smallest of 1, 2, 3, 4, 5, 6 or 8 × 10^n at or above the largest value, so that the axis's four steps
    /// read as round numbers.
    static func niceMaximum(_ values: [Double]) -> Double {
        let largest = values.max() ?? 0
        guard largest > 0 else { return 1 }
        let magnitude = pow(10, floor(log10(largest)))
        return [1.0, 2, 3, 4, 5, 6, 8, 10].map { $0 * magnitude }.first { $0 >= largest } ?? 10 * magnitude
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { self.indices.contains(index) ? self[index] : nil }
}
