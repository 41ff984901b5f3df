import Foundation
import Testing
import WindMakerServiceSupport

/// `--store` and its companions: each good form is read as meant, each bad one refused with a sentence that says
/// what a good one looks like.
@Suite struct StoreOptionsTests {
    @Test(arguments: [
        ("sqlite:/var/lib/windmaker/registry.sqlite", StoreAddress.sqlite(path: "/var/lib/windmaker/registry.sqlite")),
        ("postgres://windmaker@db:5432/windmaker", .postgres(url: "postgres://windmaker@db:5432/windmaker")),
        (
            "postgresql://wm@10.0.0.5/wm?sslmode=verify-full",
            .postgres(url: "postgresql://wm@10.0.0.5/wm?sslmode=verify-full")
        ),
        ("postgres://wm@/wm?host=/run/postgresql", .postgres(url: "postgres://wm@/wm?host=/run/postgresql")),
    ])
    func goodAddressesAreReadAsMeant(_ text: String, _ expected: StoreAddress) throws {
        #expect(try StoreAddress.parse(text) == expected)
    }

    @Test(arguments: [
        ("sqlite:", "needs a file path"),
        ("mysql://wm@db/wm", "neither sqlite:PATH nor postgres://"),
        ("/var/lib/registry.sqlite", "neither sqlite:PATH nor postgres://"),
        ("postgres://wm:secret@db/wm", "must not hold the password"),
        ("postgres://wm@db/wm?password=secret", "must not hold the password"),
        ("postgres://wm@db/wm?dbname=other", "may not set \"dbname\""),
        ("postgres://db:5432/wm", "names no user"),
        ("postgres://wm@db:99999/wm", "port must be 1 to 65535"),
        ("postgres://wm@db:notaport/wm", "not a URL"),
        ("postgres://wm@/wm", "names no host"),
        ("postgres://wm@db", "names no database"),
        ("postgres://wm@db/a/b", "names no database"),
    ])
    func badAddressesAreRefusedSayingWhy(_ text: String, _ reason: String) {
        let error = #expect(throws: StartupError.self) { try StoreAddress.parse(text) }
        #expect(error?.description.contains(reason) == true, "\(String(describing: error))")
        #expect(error?.description.contains("secret") != true)
    }

    @Test func controlCharactersAreNotRepeatedBack() {
        let error = #expect(throws: StartupError.self) { try StoreAddress.parse("x\u{1B}[2J") }
        #expect(error?.description.contains("\u{1B}") == false)
    }

    @Test func theDefaultIsTheServicesFileInTheDataDirectory() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("wm-store-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let options = try StoreOptions.parse(["--data-dir", directory])
        #expect(try options.address(fileName: "registry.sqlite") == .sqlite(path: "\(directory)/registry.sqlite"))
        let both = try StoreOptions.parse(["--data-dir", directory, "--store", "sqlite:/tmp/x.sqlite"])
        let error = #expect(throws: StartupError.self) { try both.address(fileName: "registry.sqlite") }
        #expect(error?.description.contains("not both") == true)
    }

    @Test func thePasswordIsTheFirstLineOfItsFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wm-password-\(UUID())").path
        defer { try? FileManager.default.removeItem(atPath: file) }
        try "s3cret pass\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(try StoreOptions.parse(["--store-password-file", file]).password() == "s3cret pass")
        #expect(try StoreOptions.parse([]).password() == nil)
        let missing = #expect(throws: StartupError.self) {
            try StoreOptions.parse(["--store-password-file", file + ".missing"]).password()
        }
        #expect(missing?.description.contains("cannot read") == true)
        try "\n".write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: StartupError.self) { try StoreOptions.parse(["--store-password-file", file]).password() }
    }

    @Test(arguments: ["--store-connect-timeout=-1", "--store-connect-timeout=3601"])
    func theConnectTimeoutIsBounded(_ value: String) throws {
        let options = try StoreOptions.parse([value])
        #expect(throws: StartupError.self) { try options.connectTimeoutSeconds() }
    }
}

/// Instances' addresses as flags give them.
@Suite struct AddressListTests {
    @Test func oneOrSeveralAddressesAreReadInOrder() throws {
        #expect(try AddressList.parse("127.0.0.1:7401").map(\.description) == ["127.0.0.1:7401"])
        #expect(
            try AddressList.parse("127.0.0.1:7401, 127.0.0.1:7411").map(\.description)
                == ["127.0.0.1:7401", "127.0.0.1:7411"]
        )
    }

    @Test(arguments: [
        ("", "address 1 of 1 is empty"), ("127.0.0.1:7401,", "address 2 of 2 is empty"),
        ("a:1,a:1", "a:1 is named twice"), ("a", "\"a\" is not host:port"), ("a:1,b", "\"b\" is not host:port"),
        ((0 ..< 17).map { "h\($0):1" }.joined(separator: ","), "names 17 addresses; at most 16"),
    ])
    func badListsAreRefusedSayingWhy(_ text: String, _ reason: String) {
        let problem = #expect(throws: AddressList.Problem.self) { try AddressList.parse(text) }
        #expect(problem?.description.hasPrefix(reason) == true, "\(String(describing: problem))")
    }
}
