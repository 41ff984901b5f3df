import Foundation
public import Logging
import Synchronization
import WindMakerKit

/// How servers write their log lines.
public enum LogFormat: String, Sendable, CaseIterable {
    /// `time=… level=info service=incentive msg="listening" key=value …`, one record per line.
    case logfmt
    /// One JSON object per line, with the same keys.
    case json
}

/// A swift-log handler writing one structured line per record to standard error: the time, the level, the service,
/// the message, the source module, and every metadata value (the call's `rpc.request_id` among them, so one `grep`
/// follows a request across services). Every value is escaped: text that came from a user cannot forge a line or a
/// field, or reach a terminal as a control sequence.
public struct StructuredLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    private let label: String
    private let format: LogFormat

    public init(label: String, level: Logger.Level, format: LogFormat) {
        self.label = label
        self.logLevel = level
        self.format = format
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { self.metadata[key] }
        set { self.metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var fields: [(String, String)] = [
            ("time", Self.time()), ("level", "\(event.level)"), ("service", self.label),
            ("msg", "\(event.message)"), ("source", event.source),
        ]
        let merged = self.metadata.merging(event.metadata ?? [:]) { _, new in new }
        for key in merged.keys.sorted() { fields.append((key, "\(merged[key]!)")) }
        Self.write(Self.line(fields, self.format))
    }

    /// One record as a line of `format`.
    static func line(_ fields: [(String, String)], _ format: LogFormat) -> String {
        switch format {
        case .logfmt:
            fields.map { "\(Self.logfmtKey($0.0))=\(Self.logfmtValue($0.1))" }.joined(separator: " ")
        case .json:
            "{" + fields.map { "\(Self.jsonString($0.0)):\(Self.jsonString($0.1))" }.joined(separator: ",") + "}"
        }
    }

    private static func logfmtKey(_ key: String) -> String {
        String(key.unicodeScalars.map { $0.properties.isWhitespace || $0 == "=" || $0 == "\"" ? "_" : Character($0) })
    }

    /// A bare value when it has no space, quote, `=`, backslash or unsafe character; otherwise quoted and escaped.
    static func logfmtValue(_ value: String) -> String {
        let plain =
            !value.isEmpty
            && value.unicodeScalars.allSatisfy { scalar in
                !(scalar.properties.isWhitespace || scalar == "\"" || scalar == "=" || scalar == "\\"
                    || JSONText.isUnsafe(scalar))
            }
        return plain ? value : JSONText.quoted(value)
    }

    static func jsonString(_ value: String) -> String { JSONText.quoted(value) }

    private static func time() -> String {
        let now = Date()
        return Self.formatter.withLock { $0.string(from: now) }
    }

    private static let formatter = Mutex<ISO8601DateFormatter>(
        {
            let formatter = ISO8601DateFormatter()
            formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
            return formatter
        }()
    )

    /// Serializes whole lines on standard error.
    private static let output = Mutex<Int32>(STDERR_FILENO)

    /// Writes the line with write(2), dropping it when standard error cannot take it: a log reader that has gone
    /// (EPIPE) or a full disk must not stop the server, as `FileHandle.write` would by trapping.
    private static func write(_ line: String) {
        let bytes = Array((line + "\n").utf8)
        Self.output.withLock { descriptor in
            bytes.withUnsafeBytes { buffer in
                var offset = 0
                while offset < buffer.count {
                    let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}
