public import ArgumentParser
public import Logging
public import WindMakerStorage

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// `--store` (or `--data-dir`), the store's password and how long to wait for it at start-up; every server has them.
public struct StoreOptions: ParsableArguments, Sendable {
    @Option(
        name: .customLong("data-dir"),
        help: "Directory of the service's SQLite file when --store is not given (env WM_DATA_DIR, default .dev/data)."
    )
    var dataDirectory: String?

    @Option(
        name: .customLong("store"),
        help: "sqlite:PATH or postgres://USER@HOST:PORT/DB (env WM_STORE; default sqlite:<data-dir>/<service>.sqlite)."
    )
    var store: String?

    @Option(
        name: .customLong("store-password-file"),
        help: "File holding the PostgreSQL password (env WM_STORE_PASSWORD_FILE, or the password in WM_STORE_PASSWORD)."
    )
    var passwordFile: String?

    @Option(
        name: .customLong("store-connect-timeout"),
        help: "Seconds to keep trying an unreachable PostgreSQL at start-up (env WM_STORE_CONNECT_TIMEOUT, default 30)."
    )
    var connectTimeout: Int?

    public init() {}

    /// Opens the store these options name for `service` (its SQLite file `<service>.sqlite`, or its schema
    /// `<service>` in PostgreSQL): see ``StoreOpening/open(_:password:schema:connectTimeoutSeconds:logger:)``.
    /// - Throws: ``StartupError`` naming the flag or the store at fault.
    public func open(service: String, logger: Logger) async throws(StartupError) -> any Database {
        try await StoreOpening.open(
            try self.address(fileName: "\(service).sqlite"),
            password: try self.password(),
            schema: service,
            connectTimeoutSeconds: try self.connectTimeoutSeconds(),
            logger: logger
        )
    }

    /// The store to open: `--store` or `WM_STORE`, else the SQLite file `fileName` in `--data-dir` (or
    /// `WM_DATA_DIR`, or `.dev/data`), created when missing.
    /// - Throws: ``StartupError`` for a value that does not parse, for both `--store` and `--data-dir`, or for a data
    ///   directory that cannot be created.
    public func address(fileName: String) throws(StartupError) -> StoreAddress {
        if let text = self.store ?? Environment.value("WM_STORE") {
            guard self.dataDirectory == nil else {
                throw StartupError("give --store or --data-dir, not both: --store sqlite:PATH names the file itself")
            }
            return try StoreAddress.parse(text)
        }
        let directory = self.dataDirectory ?? Environment.value("WM_DATA_DIR") ?? ".dev/data"
        return .sqlite(path: try DataDirectory.file(fileName, in: directory))
    }

    /// The PostgreSQL password: the first line of `--store-password-file` (or `WM_STORE_PASSWORD_FILE`), or
    /// `WM_STORE_PASSWORD`; `nil` when neither is set (trust or certificate authentication).
    /// - Throws: ``StartupError`` when the file cannot be read or both are given.
    public func password() throws(StartupError) -> String? {
        try Self.password(file: self.passwordFile)
    }

    /// The PostgreSQL password from `file` (else `WM_STORE_PASSWORD_FILE`), or `WM_STORE_PASSWORD`, as
    /// ``password()`` reads it; for tools that open a store.
    public static func password(file: String?) throws(StartupError) -> String? {
        let file = file ?? Environment.value("WM_STORE_PASSWORD_FILE")
        let variable = Environment.value("WM_STORE_PASSWORD")
        guard let file else { return variable }
        guard variable == nil else {
            throw StartupError("give the store password in WM_STORE_PASSWORD or --store-password-file, not both")
        }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
        else {
            throw StartupError("cannot read the store password file \(file) (--store-password-file)")
        }
        let password = text.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        guard !password.isEmpty else { throw StartupError("the store password file \(file) is empty") }
        return password
    }

    /// How long start-up keeps trying an unreachable PostgreSQL.
    /// - Throws: ``StartupError`` for a value that is not a whole number of seconds from 0 to 3600.
    public func connectTimeoutSeconds() throws(StartupError) -> Int {
        guard let text = self.connectTimeout.map(String.init) ?? Environment.value("WM_STORE_CONNECT_TIMEOUT") else {
            return 30
        }
        guard let seconds = Int(text), (0 ... 3_600).contains(seconds) else {
            throw StartupError("--store-connect-timeout must be whole seconds from 0 to 3600, got \(text)")
        }
        return seconds
    }
}
