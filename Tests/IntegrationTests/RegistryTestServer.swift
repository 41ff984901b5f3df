import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI
import WindMakerTestSupport

/// The real `registry` executable on a private data directory, and clients for the development identities.
struct RegistryTestServer {
    static let operatorID = "spiffe://windmaker/operator/alice"

    let service: ServiceTestServer
    var server: ServerProcess { self.service.server }
    var dataDirectory: URL { self.service.dataDirectory }

    /// Starts a server on a new temporary data directory, or on `dataDirectory` to reopen one.
    static func start(dataDirectory: URL? = nil, arguments: [String] = []) async throws -> RegistryTestServer {
        RegistryTestServer(
            service: try await ServiceTestServer.start(
                "registry",
                certificate: "registry",
                dataDirectory: dataDirectory,
                arguments: arguments
            )
        )
    }

    /// A client connected as `identity` (e.g. `provider-portal`, `operator-alice`, `assessment`).
    func client(_ identity: String) throws -> (registry: RegistryV1.Registry.Client, test: TestClient) {
        let test = try self.service.client(identity)
        return (RegistryV1.Registry.Client(test.client), test)
    }

    /// Kills the server and removes its data.
    func stop() {
        self.service.stop()
    }
}

/// Requests the registry tests send.
enum RegistryRequests {
    private static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]

    /// A valid unified social credit code, distinct for every `number`.
    static func creditCode(_ number: Int) -> String {
        let digits = String(number)
        let prefix = "91350100" + String(repeating: "0", count: 9 - digits.count) + digits
        let sum = zip(prefix, Self.weights).reduce(0) { $0 + Self.alphabet.firstIndex(of: $1.0)! * $1.1 }
        return prefix + String(Self.alphabet[(31 - sum % 31) % 31])
    }

    static func profile(_ number: Int, type: RegistryV1.ProviderType = .local) -> RegistryV1.ProviderProfile {
        RegistryV1.ProviderProfile(
            displayName: "Provider \(number)",
            legalName: "Fuzhou Provider \(number) Co., Ltd.",
            creditCode: Self.creditCode(number),
            type: type,
            region: type == .local ? "350100" : "",
            categories: ["tea"],
            contact: RegistryV1.Contact(name: "Lin Wei", phone: "+86 591 8888 0000", email: "lin.wei@example.com")
        )
    }

    static func apply(_ number: Int, type: RegistryV1.ProviderType = .local) -> RegistryV1.ApplyRequest {
        RegistryV1.ApplyRequest(profile: Self.profile(number, type: type))
    }
}

/// The status `body` failed with, or `nil` when it succeeded.
func rpcStatus(_ body: () async throws -> some Any) async -> RPCError? {
    do {
        _ = try await body()
        return nil
    } catch let error as RPCError {
        return error
    } catch {
        return RPCError(.unknown, "not an RPCError: \(error)")
    }
}
