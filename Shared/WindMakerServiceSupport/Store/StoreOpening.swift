public import Logging
import WindMakerPostgres
public import WindMakerStorage

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Opens a server's store at start-up.
public enum StoreOpening {
    /// Opens the store at `address`: a SQLite file, or `schema` of a PostgreSQL database. An unreachable PostgreSQL is
    /// tried again, with pauses growing from half a second to five, for `connectTimeoutSeconds` (a database starting
    /// beside the service, as in compose), then refused naming its host.
    /// - Throws: ``StartupError`` with the store and the reason.
    public static func open(
        _ address: StoreAddress,
        password: String?,
        schema: String,
        connectTimeoutSeconds: Int,
        logger: Logger
    ) async throws(StartupError) -> any Database {
        switch address {
        case .sqlite(let path):
            guard password == nil else {
                throw StartupError("a store password is for a postgres:// store, not \(address)")
            }
            do {
                return try SQLiteDatabase(path: path)
            } catch {
                throw StartupError("cannot open the \(schema) database \(path): \(error.message)")
            }
        case .postgres(let url):
            let started = ContinuousClock.now
            let deadline = started + .seconds(connectTimeoutSeconds)
            var pause = Duration.milliseconds(500)
            while true {
                do {
                    return try PostgresDatabase(url: url, password: password, schema: schema)
                } catch  where error.code == .unavailable && ContinuousClock.now < deadline {
                    logger.warning(
                        "cannot reach PostgreSQL yet; trying again",
                        metadata: ["store.host": "\(Self.host(url))", "error": "\(error.message)"]
                    )
                    // The last attempt is made at the deadline itself.
                    try? await Task.sleep(for: min(pause, deadline - ContinuousClock.now))
                    pause = min(pause * 2, .seconds(5))
                } catch  where error.code == .unavailable {
                    let waited = Int((ContinuousClock.now - started).components.seconds)
                    throw StartupError(
                        "cannot reach PostgreSQL at \(Self.host(url)) for the \(schema) store"
                            + " (gave up after \(waited) s): \(error.message)"
                    )
                } catch {
                    throw StartupError("PostgreSQL at \(Self.host(url)) refused the \(schema) store: \(error.message)")
                }
            }
        }
    }

    /// `HOST:PORT` of a PostgreSQL URL, for messages.
    static func host(_ url: String) -> String {
        guard let components = URLComponents(string: url) else { return url }
        let host =
            components.host.flatMap { $0.isEmpty ? nil : $0 }
            ?? components.queryItems?.first { $0.name == "host" }?.value ?? "localhost"
        return "\(host):\(components.port ?? 5432)"
    }
}
