public import Logging

/// Process-wide logging: structured lines on standard error (``StructuredLogHandler``). Called once, from `main`.
public enum LoggingSetup {
    /// Bootstraps swift-log and returns the process's root logger.
    public static func bootstrap(label: String, level: Logger.Level, format: LogFormat = .logfmt) -> Logger {
        LoggingSystem.bootstrap { label in StructuredLogHandler(label: label, level: level, format: format) }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
