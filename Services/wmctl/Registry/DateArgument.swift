import ArgumentParser
import WindMakerMessages

/// A civil date given as `YYYY-MM-DD`; anything else (or a day the month does not have) is an argument-parser error
/// naming the flag.
struct DateArgument: ExpressibleByArgument, Sendable {
    let value: CommonV1.Date

    init?(argument: String) {
        let parts = argument.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) }),
            let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]),
            (1 ... 12).contains(month), day >= 1, day <= Self.days(inMonth: month, year: year)
        else { return nil }
        self.value = CommonV1.Date(year: year, month: month, day: day)
    }

    static var defaultCompletionKind: CompletionKind { .default }

    static func days(inMonth month: Int32, year: Int32) -> Int32 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// `YYYY-MM-DD` for a wire date, or "" when absent.
    static func text(_ date: CommonV1.Date?) -> String {
        guard let date else { return "" }
        func pad(_ value: Int32, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(date.year, 4))-\(pad(date.month, 2))-\(pad(date.day, 2))"
    }
}
