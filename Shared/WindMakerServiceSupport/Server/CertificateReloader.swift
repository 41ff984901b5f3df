import Foundation
import Logging
public import ServiceLifecycle
import Synchronization
import UnixSignals
import WindMakerTLS

/// Loads a server's certificate, key and CA files again on SIGHUP, or when one of them changes (checked every few
/// seconds), so certificates rotate without a restart: new connections use the new files, established ones keep
/// theirs. Files that cannot be used (unreadable, a key that does not match, a certificate for another identity) are
/// refused with a log line naming the problem, and the server keeps the certificates it has.
public final class CertificateReloader: Service, Sendable {
    private let security: TLSChannelSecurity
    private let configuration: TLSConfiguration
    private let check: @Sendable (TLSContext) throws(StartupError) -> Void
    private let interval: Duration
    private let logger: Logger
    private let seen: Mutex<[String: FileStamp]>

    /// How a file looked when it was last loaded: a rotated file differs in one of these.
    struct FileStamp: Equatable {
        var modified: Date?
        var size: Int?
        var inode: Int?
    }

    init(
        security: TLSChannelSecurity,
        configuration: TLSConfiguration,
        check: @escaping @Sendable (TLSContext) throws(StartupError) -> Void,
        interval: Duration = .seconds(5),
        logger: Logger
    ) {
        self.security = security
        self.configuration = configuration
        self.check = check
        self.interval = interval
        self.logger = logger
        self.seen = Mutex(Self.stamps(configuration))
    }

    /// Loads the files now. Returns whether the new certificates are in use.
    @discardableResult
    public func reload(reason: String) -> Bool {
        let stamps = Self.stamps(self.configuration)
        do {
            let context = try TLSContext(configuration: self.configuration)
            try self.check(context)
            self.security.use(context)
            self.seen.withLock { $0 = stamps }
            self.logger.notice(
                "certificates reloaded",
                metadata: [
                    "reason": "\(reason)", "tls.certificate": "\(self.configuration.certificateChainPath ?? "")",
                ]
            )
            return true
        } catch {
            // Not seen: the next check tries again, so a half-copied file is picked up once it is whole.
            self.logger.error(
                "certificates not reloaded; the server keeps the ones it has",
                metadata: ["reason": "\(reason)", "error": "\(Self.describe(error))"]
            )
            return false
        }
    }

    public func run() async throws {
        await cancelWhenGracefulShutdown {
            await withTaskGroup(of: Void.self) { group in
                group.addTask {
                    for await _ in await UnixSignalsSequence(trapping: .sighup) {
                        self.reload(reason: "SIGHUP")
                    }
                }
                group.addTask {
                    while !Task.isCancelled {
                        try? await Task.sleep(for: self.interval)
                        let changed = Self.stamps(self.configuration) != self.seen.withLock { $0 }
                        if changed && !Task.isCancelled { self.reload(reason: "files changed") }
                    }
                }
                await group.next()
                group.cancelAll()
            }
        }
    }

    private static func stamps(_ configuration: TLSConfiguration) -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        for path in [configuration.certificateChainPath, configuration.privateKeyPath, configuration.trustRootsPath] {
            guard let path else { continue }
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            stamps[path] = FileStamp(
                modified: attributes?[.modificationDate] as? Date,
                size: (attributes?[.size] as? NSNumber)?.intValue,
                inode: (attributes?[.systemFileNumber] as? NSNumber)?.intValue
            )
        }
        return stamps
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case let error as TLSError: error.reason
        case let error as StartupError: "\(error)"
        default: "\(error)"
        }
    }
}
