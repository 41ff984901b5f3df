import WindMakerKit
import WindMakerMessages
import WindMakerRegistry
import WindMakerServiceKit

extension ClientRef {
    /// A client reference from the wire; a missing one, an unknown kind or a bad id names `field`.
    init(wire client: RegistryV1.ClientRef?, field: String) throws(RegistryError) {
        guard let client else {
            throw .invalidArgument([FieldViolation(field: field, description: "is required")])
        }
        let kind = try WireEnums.clientKind(client.kind, field: "\(field).kind")
        do {
            try self.init(kind: kind, id: client.id)
        } catch {
            throw .invalidArgument([FieldViolation(field: "\(field).id", description: error.problem)])
        }
    }
}

extension RegistryV1.ClientRef {
    init(_ client: ClientRef) {
        self.init(kind: WireEnums.clientKind(client.kind), id: client.id)
    }
}

extension RegistryV1.Binding {
    /// A binding as callers see it.
    init(_ binding: Binding) {
        // An ended binding shows the last day it was in force (its range cut at the day it ended); one ended before it
        // started shows that day, before its start: it never took effect.
        let end: CivilDate? =
            if case .ended(let date) = binding.state { binding.occupiedRange?.end ?? date } else { binding.range.end }
        self.init(
            id: binding.id.description,
            providerId: binding.providerID.description,
            client: RegistryV1.ClientRef(binding.client),
            scope: WireEnums.bindingScope(binding.scope),
            start: binding.range.start.wire,
            end: end.map(\.wire),
            state: WireEnums.bindingState(binding.state),
            proposedBy: binding.proposedBy,
            confirmedBy: binding.confirmedBy ?? "",
            version: binding.version
        )
    }
}

extension RegistryV1.Invitation {
    /// An invitation as the operator who issued it sees it.
    init(_ invitation: Invitation, organisationName: String) {
        self.init(
            code: invitation.code.description,
            creditCode: invitation.creditCode.description,
            organisationName: organisationName,
            issuedBy: invitation.issuedBy,
            issuedAt: invitation.issuedAt.wire,
            expiresAt: invitation.expiresAt.wire,
            redeemedAt: invitation.redeemedAt?.wire,
            redeemedProviderId: invitation.redeemedProviderID?.description ?? ""
        )
    }
}
