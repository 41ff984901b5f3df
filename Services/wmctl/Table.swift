/// A plain-text table with aligned columns, for humans. Every cell is shown through ``TerminalText/escaped(_:)``:
/// cells hold what a server sent, and a newline in one would otherwise forge a row.
struct Table {
    let header: [String]
    let rows: [[String]]

    var rendered: String {
        let all = ([self.header] + self.rows).map { $0.map(TerminalText.escaped) }
        let widths = self.header.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        return all.map { row in
            row.enumerated().map { column, cell in
                column == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
