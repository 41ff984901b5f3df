#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Where a service keeps its data, as `--store` names it: `sqlite:PATH` (the embedded default) or
/// `postgres://USER@HOST:PORT/DB` (several instances on one PostgreSQL, each service in its own schema).
///
/// The URL never carries the password: it shows in `ps`, in logs and in compose files, so a URL with one is refused
/// and the password comes from `WM_STORE_PASSWORD` or `--store-password-file` instead.
public enum StoreAddress: Hashable, Sendable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// The query parameters a `postgres://` URL may carry: where the socket is, and how TLS to the database is
    /// checked. Others are refused rather than passed on: `password` would show in `ps` and logs, and `dbname` or
    /// `user` would make the URL say one thing and the connection do another.
    public static let allowedParameters: Set<String> = [
        "host", "sslmode", "sslrootcert", "sslcert", "sslkey", "sslcrl", "connect_timeout", "target_session_attrs",
    ]

    /// Reads `--store` (or the flag named `flag`, which the messages name).
    /// - Throws: ``StartupError`` saying what is wrong and what a good value looks like.
    public static func parse(_ text: String, flag: String = "--store") throws(StartupError) -> StoreAddress {
        let form = "postgres://USER@HOST:PORT/DB"
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw StartupError("\(flag) sqlite: needs a file path, as in sqlite:/var/lib/windmaker/registry.sqlite")
            }
            return .sqlite(path: path)
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw StartupError("\(flag) \"\(Self.printable(text))\" is neither sqlite:PATH nor \(form)")
        }
        guard let url = URLComponents(string: text) else {
            throw StartupError("\(flag) \"\(Self.printable(text))\" is not a URL: expected \(form)")
        }
        let parameters = url.queryItems ?? []
        guard url.password == nil, !parameters.contains(where: { $0.name == "password" }) else {
            throw StartupError(
                "\(flag) must not hold the password (it would show in ps and logs); put it in WM_STORE_PASSWORD or"
                    + " a file named by --store-password-file"
            )
        }
        if let unknown = parameters.first(where: { !Self.allowedParameters.contains($0.name) }) {
            throw StartupError(
                "\(flag) may not set \"\(Self.printable(unknown.name))\"; its parameters are "
                    + Self.allowedParameters.sorted().joined(separator: ", ")
            )
        }
        guard !(url.user ?? "").isEmpty else {
            throw StartupError("\(flag) \(Self.printable(text)) names no user: expected \(form)")
        }
        let hostInQuery = parameters.contains { $0.name == "host" }
        guard !(url.host ?? "").isEmpty || hostInQuery else {
            throw StartupError("\(flag) \(Self.printable(text)) names no host: expected \(form)")
        }
        if let port = url.port, !(1 ... 65_535).contains(port) {
            throw StartupError("\(flag) port must be 1 to 65535, got \(port)")
        }
        guard url.path.count > 1, !url.path.dropFirst().contains("/") else {
            throw StartupError("\(flag) \(Self.printable(text)) names no database: expected \(form)")
        }
        return .postgres(url: text)
    }

    public var description: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url
        }
    }

    /// `text` with control characters shown as `?`, for a message that repeats what the operator typed.
    private static func printable(_ text: String) -> String {
        String(text.unicodeScalars.prefix(200).map { $0.properties.generalCategory == .control ? "?" : Character($0) })
    }
}
