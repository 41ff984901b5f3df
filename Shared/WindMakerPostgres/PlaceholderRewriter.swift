/// Turns the `?` placeholders the stores write (SQLite's) into PostgreSQL's `$1…$n`, leaving alone any `?` inside a
/// string literal, a quoted identifier or a comment.
enum PlaceholderRewriter {
    static func rewrite(_ sql: String) -> String {
        var out = ""
        out.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        var lineComment = false
        var previous: Character?
        for character in sql {
            defer { previous = character }
            if lineComment {
                out.append(character)
                if character == "\n" { lineComment = false }
                continue
            }
            if let open = quote {
                out.append(character)
                if character == open { quote = nil }
                continue
            }
            switch character {
            case "'", "\"":
                quote = character
                out.append(character)
            case "-" where previous == "-":
                lineComment = true
                out.append(character)
            case "?":
                number += 1
                out += "$\(number)"
            default:
                out.append(character)
            }
        }
        return out
    }
}
