import ArgumentParser
import Testing

@testable import wmctl

/// Repeated flags and lists of positionals reach the parser folded, so parsing is linear in their number.
@Suite struct ArgumentFoldingTests {
    static func apply(categories count: Int) -> [String] {
        ["registry", "apply", "--display-name", "Shop", "--json"]
            + (0 ..< count).flatMap { ["--category", "c\($0)"] } + ["--type", "local"]
    }

    static func attribute(clients count: Int) -> [String] {
        ["registry", "attribute", "--scope", "advertising", "--date", "2026-01-01"]
            + (0 ..< count).map { "merchant:m\($0)" }
    }

    /// The proof of linearity that needs no clock: however many values, the parser sees the same number of
    /// arguments (swift-argument-parser's cost is quadratic in that number, not in the length of one argument).
    @Test(arguments: [1, 10, 4_000])
    func theParserSeesAFixedNumberOfArgumentsHoweverManyRepeat(count: Int) {
        #expect(ArgumentFolding.fold(Self.apply(categories: count), root: WMCtl.self).count == 9)
        #expect(ArgumentFolding.fold(Self.attribute(clients: count), root: WMCtl.self).count == 7)
    }

    @Test func everyCategoryArrivesInOrderAndNothingElseChanges() throws {
        let arguments = Self.apply(categories: 4_000) + ["--category=last", "--category", ""]
        let command = try #require(try WMCtl.parse(commandLine: arguments) as? RegistryApplyCommand)
        #expect(command.profile.categories == (0 ..< 4_000).map { "c\($0)" } + ["last", ""])
        #expect(command.profile.displayName == "Shop")
        #expect(command.profile.type?.value == .local)
        #expect(command.connection.json)
    }

    /// Was 33 s for 4,000 flags in a debug build; folded, it is milliseconds. The bound is generous on purpose.
    @Test func fourThousandCategoriesParseQuickly() throws {
        let started = ContinuousClock.now
        let command = try WMCtl.parse(commandLine: Self.apply(categories: 4_000)) as? RegistryApplyCommand
        #expect(command?.profile.categories.count == 4_000)
        #expect(ContinuousClock.now - started < .seconds(3))
    }

    /// The first plain argument after a flag may be the flag's value, so it is left alone; the rest are positionals.
    @Test func clientsArriveInOrderAroundFlags() throws {
        let arguments = [
            "registry", "attribute", "merchant:a", "merchant:b", "--json", "brand:c", "streamer:d", "--scope",
            "advertising", "merchant:e", "--date", "2026-01-01",
        ]
        let command = try #require(try WMCtl.parse(commandLine: arguments) as? RegistryAttributeCommand)
        #expect(try command.clients().map(\.value.id) == ["a", "b", "c", "d", "e"])
        #expect(command.scope.value == .advertising)
        #expect(command.connection.json)
    }

    @Test func aBadClientAmongFoldedOnesIsNamedAlone() {
        let arguments = Self.attribute(clients: 3) + ["nonsense"]
        #expect {
            _ = try WMCtl.parse(commandLine: arguments)
        } throws: { error in
            WMCtl.message(for: error).contains("invalid client \"nonsense\"")
        }
    }

    @Test func commandsWithoutRepeatedArgumentsAndArgumentsAfterADoubleDashAreUntouched() {
        let approve = ["registry", "approve", "prv_aaaaaaaaaaaaaaaa", "--version", "1", "--reason", "ok"]
        #expect(ArgumentFolding.fold(approve, root: WMCtl.self) == approve)
        let folded = ArgumentFolding.fold(
            ["registry", "apply", "--category", "a", "--", "--category", "b"],
            root: WMCtl.self
        )
        #expect(folded == ["registry", "apply", "--category", "a", "--", "--category", "b"])
        // A flag followed by another flag has no value: left for the parser to report.
        let missing = ["registry", "apply", "--category", "--type", "local"]
        #expect(ArgumentFolding.fold(missing, root: WMCtl.self) == missing)
    }
}
