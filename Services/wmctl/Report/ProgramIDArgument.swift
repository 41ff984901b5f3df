import ArgumentParser

/// A program id as the incentive service accepts it (1–40 of `a-z 0-9 -`, starting with a letter), checked before
/// any call so that `demo` and `report` refuse a typo with a usage error.
enum ProgramIDArgument {
    static func validate(_ id: String) throws {
        guard (1 ... 40).contains(id.count), id.first?.isLowercase == true, id.first?.isASCII == true,
            id.allSatisfy({ ("a" ... "z").contains($0) || ("0" ... "9").contains($0) || $0 == "-" })
        else {
            throw ValidationError(
                "--program must be 1-40 characters of a-z, 0-9 and -, starting with a letter, got \"\(id)\""
            )
        }
    }
}
