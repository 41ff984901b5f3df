import ArgumentParser
import WindMakerMessages

/// A wire enum with lower-case kebab-case spellings for the command line and tables.
protocol CLISpelled: ProtoEnum {
    /// Every accepted spelling and its value, in help order.
    static var spellings: [(String, Self)] { get }
}

extension CLISpelled {
    /// The spelling of `self`; "" for unspecified (0), `unknown(N)` for a number this version does not know.
    var spelling: String {
        if self.rawValue == 0 { return "" }
        return Self.spellings.first { $0.1 == self }?.0 ?? "unknown(\(self.rawValue))"
    }

    /// The spelling as JSON: `null` for unspecified.
    var jsonValue: JSONOutput.Value {
        self.rawValue == 0 ? .null : .string(self.spelling)
    }
}

/// A `CLISpelled` value given as a flag (`--type local`, `--scope store-operation`). An unknown spelling is an
/// argument-parser error naming the flag and the accepted values.
struct EnumArgument<Value: CLISpelled>: ExpressibleByArgument, Sendable {
    let value: Value

    init?(argument: String) {
        guard let match = Value.spellings.first(where: { $0.0 == argument.lowercased() }) else { return nil }
        self.value = match.1
    }

    static var allValueStrings: [String] { Value.spellings.map(\.0) }
}

extension RegistryV1.ProviderType: CLISpelled {
    static var spellings: [(String, Self)] {
        [
            ("local", .local), ("brand", .brand), ("matchmaking", .matchmaking), ("base", .base),
            ("strategic", .strategic),
        ]
    }
}

extension RegistryV1.ProviderStatus: CLISpelled {
    static var spellings: [(String, Self)] {
        [
            ("applied", .applied), ("active", .active), ("rejected", .rejected), ("suspended", .suspended),
            ("terminated", .terminated),
        ]
    }
}

extension RegistryV1.ClientKind: CLISpelled {
    static var spellings: [(String, Self)] { [("merchant", .merchant), ("brand", .brand), ("streamer", .streamer)] }
}

extension RegistryV1.BindingScope: CLISpelled {
    static var spellings: [(String, Self)] {
        [
            ("store-operation", .storeOperation), ("live-stream-operation", .liveStreamOperation),
            ("advertising", .advertising), ("supply-chain", .supplyChain),
        ]
    }
}

extension RegistryV1.BindingState: CLISpelled {
    static var spellings: [(String, Self)] {
        [("proposed", .proposed), ("active", .active), ("ended", .ended), ("rejected", .rejected)]
    }
}
