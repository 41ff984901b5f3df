public import Logging

/// Process-wide logging: structured lines on standard error. Called once, from `main`.
public enum LoggingSetup {
    /// Bootstraps swift-log and returns the process's root logger.
    public static func bootstrap(label: String, level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        var logger = Logger(label: label)
        logger.logLevel = level
        return logger
    }
}
