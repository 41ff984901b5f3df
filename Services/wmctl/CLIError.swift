import ArgumentParser
import WindMakerRPC

/// A failed call as the operator sees it: the status code and the server's message, exit status 2.
struct CLIError: Error, CustomStringConvertible {
    let error: RPCError

    init(_ error: RPCError) {
        self.error = error
    }

    var description: String { "\(self.error.code): \(self.error.message)" }
}
