import Foundation
import WindMakerMessages
import WindMakerRPC
import WindMakerRegistry
import WindMakerServiceAPI

extension DemoRun {
    /// The demo plays a program from its first day, so it needs stores that have none yet: an existing program of
    /// the same id, or providers already registered, would mix two stories (and collide on credit codes).
    func requireEmptyStores() async throws {
        do {
            _ = try await self.incentive(as: "operator-alice").getProgram(
                IncentiveV1.ProgramRequest(programId: self.programID),
                options: self.options
            )
            throw CommandFailure(
                "program \(self.programID) already exists: the demo plays into empty stores "
                    + "(scripts/run starts fresh ones for it)"
            )
        } catch let error as RPCError where error.code == .notFound {}
        let listed = try await self.registry.listProviders(
            RegistryV1.ListProvidersRequest(page: CommonV1.PageRequest(pageSize: 1)),
            options: self.options
        )
        guard listed.providers.isEmpty else {
            throw CommandFailure(
                "the registry already has providers: the demo plays into empty stores (scripts/run starts fresh ones)"
            )
        }
    }

    /// Applies every provider through the portal and has the operator approve it; strategic ones are invited by the
    /// operator and redeem the invitation instead.
    func registerProviders() async throws {
        let registry = try self.registry
        let portal = try self.portal
        let seed = self.program.seed
        let options = self.options
        let providers = self.program.providers
        self.providerIDs = try await Self.concurrently(providers.count, progress: ProgressLine("providers")) {
            number in
            let provider = providers[number]
            var keyed = options
            keyed.metadata.set("idempotency-key", "demo-\(seed)-provider-\(number)")
            let profile = Self.profile(provider)
            if provider.type == "STRATEGIC" {
                let invitation = try await registry.invite(
                    RegistryV1.InviteRequest(
                        creditCode: profile.creditCode,
                        organisationName: profile.legalName,
                        validDays: 30
                    ),
                    options: keyed
                )
                let redeemed = try await portal.redeemInvitation(
                    RegistryV1.RedeemInvitationRequest(code: invitation.invitation?.code ?? "", profile: profile),
                    options: keyed
                )
                return redeemed.provider?.id ?? ""
            }
            let applied = try await portal.apply(RegistryV1.ApplyRequest(profile: profile), options: keyed)
            guard let applicant = applied.provider else { throw CommandFailure("Apply answered without the provider") }
            _ = try await registry.approve(
                RegistryV1.TransitionRequest(
                    providerId: applicant.id,
                    expectedVersion: applicant.version,
                    reason: "documents checked"
                ),
                options: keyed
            )
            return applicant.id
        }
    }

    /// Binds every client to its provider for store operation from the program's first day: proposed through the
    /// portal, confirmed by the operator.
    func bindClients() async throws {
        let registry = try self.registry
        let portal = try self.portal
        let seed = self.program.seed
        let options = self.options
        let clients = self.program.clients
        let providerIDs = self.providerIDs
        _ = try await Self.concurrently(clients.count, progress: ProgressLine("bindings")) { number in
            let client = clients[number]
            var keyed = options
            keyed.metadata.set("idempotency-key", "demo-\(seed)-binding-\(number)")
            let proposed = try await portal.proposeBinding(
                RegistryV1.ProposeBindingRequest(
                    providerId: providerIDs[client.provider],
                    client: RegistryV1.ClientRef(kind: .merchant, id: client.id),
                    scope: .storeOperation,
                    start: CommonV1.Date(year: 2021, month: 7, day: 1)
                ),
                options: keyed
            )
            guard let binding = proposed.binding else {
                throw CommandFailure("ProposeBinding answered without the binding")
            }
            _ = try await registry.confirmBinding(
                RegistryV1.ConfirmBindingRequest(bindingId: binding.id, expectedVersion: binding.version),
                options: keyed
            )
        }
    }

    static func profile(_ provider: SyntheticProvider) -> RegistryV1.ProviderProfile {
        let prefix = provider.creditCodePrefix()
        let city = provider.number % SyntheticProvider.cities.count
        let rating = UInt32(40 + 60 * provider.quality)
        return RegistryV1.ProviderProfile(
            displayName: provider.displayName,
            legalName: "\(provider.displayName) Co., Ltd.",
            creditCode: prefix + String(CreditCode.checkCharacter(for: prefix)!),
            type: Self.providerType(provider.type),
            region: SyntheticProvider.regions[city],
            categories: ["apparel", "home"],
            contact: RegistryV1.Contact(
                name: "Lin Wei",
                phone: "+86 571 8888 \(String(format: "%04d", provider.number % 10_000))",
                email: "partner\(provider.number)@example.com"
            ),
            capabilities: RegistryV1.Capabilities(
                trafficOperation: RegistryV1.Capability(description: "paid traffic and content", selfRating: rating),
                liveStreamOperation: RegistryV1.Capability(description: "live rooms", selfRating: rating),
                serviceFulfilment: RegistryV1.Capability(description: "store operation", selfRating: rating)
            )
        )
    }

    static func providerType(_ name: String) -> RegistryV1.ProviderType {
        switch name {
        case "LOCAL": .local
        case "BRAND": .brand
        case "MATCHMAKING": .matchmaking
        case "BASE": .base
        default: .strategic
        }
    }
}
