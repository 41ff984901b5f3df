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

    /// Reads `--store`.
    /// - Throws: ``StartupError`` saying what is wrong and what a good value looks like.
    public static func parse(_ text: String) throws(StartupError) -> StoreAddress {
        if text.hasPrefix("sqlite:") {
            let path = String(text.dropFirst("sqlite:".count))
            guard !path.isEmpty else {
                throw StartupError("--store sqlite: needs a file path, as in sqlite:/var/lib/windmaker/registry.sqlite")
            }
            return .sqlite(path: path)
        }
        guard text.hasPrefix("postgres://") || text.hasPrefix("postgresql://") else {
            throw StartupError(
                "--store \"\(Self.printable(text))\" is neither sqlite:PATH nor postgres://USER@HOST:PORT/DB"
            )
        }
        guard let url = URLComponents(string: text) else {
            throw StartupError(
                "--store \"\(Self.printable(text))\" is not a URL: expected postgres://USER@HOST:PORT/DB"
            )
        }
        guard url.password == nil else {
            throw StartupError(
                "--store must not hold the password (it would show in ps and logs); put it in WM_STORE_PASSWORD or"
                    + " a file named by --store-password-file"
            )
        }
        let hostInQuery = url.queryItems?.contains { $0.name == "host" } ?? false
        guard !(url.host ?? "").isEmpty || hostInQuery else {
            throw StartupError("--store \(text) names no host: expected postgres://USER@HOST:PORT/DB")
        }
        guard url.path.count > 1, !url.path.dropFirst().contains("/") else {
            throw StartupError("--store \(text) names no database: expected postgres://USER@HOST:PORT/DB")
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
