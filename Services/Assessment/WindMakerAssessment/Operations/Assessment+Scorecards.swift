public import WindMakerKit
import WindMakerStorage

extension Assessment {
    /// The current scorecard of `provider` for `period`, or one revision of it.
    /// - Throws: ``AssessmentError/notFound(what:)``.
    public func scorecard(period: PeriodID, provider: ProviderID, revision: Int? = nil) throws -> Scorecard {
        guard
            let scorecard = try self.store.scorecard(
                period: period,
                provider: provider,
                revision: revision,
                in: self.database
            )
        else {
            let which = revision.map { "revision \($0) of the scorecard" } ?? "a scorecard"
            throw AssessmentError.notFound(what: "\(which) of \(provider) for \(period)")
        }
        return scorecard
    }

    /// Every revision of a scorecard, oldest first.
    /// - Throws: ``AssessmentError/notFound(what:)`` when there is none.
    public func scorecardHistory(period: PeriodID, provider: ProviderID) throws -> [Scorecard] {
        let history = try self.store.scorecardHistory(period: period, provider: provider, in: self.database)
        guard !history.isEmpty else { throw AssessmentError.notFound(what: "a scorecard of \(provider) for \(period)") }
        return history
    }

    /// One page of the ranking of `type` in `period`, best first; the page token holds the last rank shown and the
    /// query, so a token from another ranking is refused.
    /// A page of the period's current scorecards by provider id, with the period (whose state says whether they are
    /// FINAL).
    public func scorecards(period: PeriodID, page: PageRequest) throws -> (PeriodRecord, Page<Scorecard>) {
        let query = "scorecards \(period)"
        let (size, position) = try AssessmentError.checking { () throws(InvalidRequest) in
            try page.position(query: query)
        }
        var after: ProviderID?
        if let position {
            guard let provider = try? ProviderID(position) else {
                throw AssessmentError.invalidArgument([
                    FieldViolation(field: "page.page_token", description: "invalid page token")
                ])
            }
            after = provider
        }
        guard let record = try self.store.period(period, in: self.database) else {
            throw AssessmentError.notFound(what: "period \(period)")
        }
        let rows = try self.store.currentScorecards(period: period, after: after, limit: size + 1, in: self.database)
        return (record, Page(rows, size: size, query: query) { $0.score.providerID.rawValue })
    }

    public func rankings(period: PeriodID, type: ProviderType, page: PageRequest) throws -> Page<Scorecard> {
        let query = "rankings \(period) \(type)"
        let (size, position) = try AssessmentError.checking { () throws(InvalidRequest) in
            try page.position(query: query)
        }
        guard let after = Int(position ?? "0") else {
            throw AssessmentError.invalidArgument([
                FieldViolation(field: "page.page_token", description: "invalid page token")
            ])
        }
        guard try self.store.period(period, in: self.database) != nil else {
            throw AssessmentError.notFound(what: "period \(period)")
        }
        let rows = try self.store.rankings(period: period, type: type, after: after, limit: size + 1, in: self.database)
        return Page(rows, size: size, query: query) { String($0.rank ?? 0) }
    }
}
