import Foundation
import WindMakerKit
import WindMakerMessages
import WindMakerRPC
import WindMakerServiceAPI

extension DemoRun {
    /// Two providers appeal the published period with their own certificates: one whose on-time shipping the courier
    /// under-reported (upheld, with an override), one who wants organic sales counted as ad returns (rejected).
    func appeal(_ period: String) async throws {
        let scorecards = try await self.assessment.allScorecards(period, options: self.options).filter {
            !$0.disqualified
        }
        let byOnTime = scorecards.sorted {
            (Self.points($0, "fulfilment", "on_time_rate"), $0.providerId)
                < (Self.points($1, "fulfilment", "on_time_rate"), $1.providerId)
        }
        guard let upheld = byOnTime.first, let rejected = byOnTime.dropFirst().last else {
            throw CommandFailure("\(period): too few scorecards to appeal")
        }
        let upheldAppeal = try await self.fileAppeal(
            period,
            upheld.providerId,
            dimension: "fulfilment",
            reason: "the courier lost its scans of our on-time shipments; its corrected report shows 99 % on time"
        )
        let decided = try await self.assessment.resolveAppeal(
            AssessmentV1.ResolveAppealRequest(
                appealId: upheldAppeal.id,
                uphold: true,
                reason: "the courier's corrected report confirms it",
                override: AssessmentV1.IndicatorOverride(
                    dimension: "fulfilment",
                    indicator: "on_time_rate",
                    value: 9_900,
                    justification: "courier's corrected report: 99.0 % on time"
                )
            ),
            options: self.keyed("resolve-\(upheldAppeal.id)")
        )
        let rejectedAppeal = try await self.fileAppeal(
            period,
            rejected.providerId,
            dimension: "traffic",
            reason: "our organic sales during 双11 should count as returns on our ads"
        )
        _ = try await self.assessment.resolveAppeal(
            AssessmentV1.ResolveAppealRequest(
                appealId: rejectedAppeal.id,
                uphold: false,
                reason: "the rulebook counts only ad-attributed GMV as ad returns"
            ),
            options: self.keyed("resolve-\(rejectedAppeal.id)")
        )
        self.story.upheldAppeal = upheld.providerId
        self.story.rejectedAppeal = rejected.providerId
        let before = FixedText.score(upheld.composite)
        let after = FixedText.score(decided.scorecard?.composite ?? upheld.composite)
        Self.say(
            "\(period): appeal of \(upheld.providerId) upheld (composite \(before) → \(after), tier "
                + "\(decided.scorecard?.tier ?? upheld.tier)); appeal of \(rejected.providerId) rejected"
        )
    }

    /// Files an appeal as the provider itself, issuing its development certificate first if it has none.
    private func fileAppeal(
        _ period: String,
        _ providerID: String,
        dimension: String,
        reason: String
    ) async throws
        -> AssessmentV1.Appeal
    {
        let name = "provider-\(providerID)"
        if !FileManager.default.fileExists(atPath: "\(self.certificates)/\(name).pem") {
            try self.issueCertificate(providerID)
        }
        let client = AssessmentV1.Assessment.Client(try self.connections.client(.assessment, as: self.identity(name)))
        let filed = try await client.fileAppeal(
            AssessmentV1.FileAppealRequest(
                period: period,
                providerId: providerID,
                dimension: dimension,
                reason: reason
            ),
            options: self.keyed("appeal-\(period)-\(providerID)")
        )
        guard let appeal = filed.appeal else { throw CommandFailure("FileAppeal answered without the appeal") }
        return appeal
    }

    /// Runs the certificate tool (`scripts/dev-certs DIR --provider ID`), which signs a provider certificate with the
    /// development CA.
    private func issueCertificate(_ providerID: String) throws {
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: self.certificateTool)
        tool.arguments = [self.certificates, "--provider", providerID]
        tool.standardOutput = FileHandle.nullDevice
        do { try tool.run() } catch {
            throw CommandFailure("cannot run the certificate tool \(self.certificateTool) (--cert-tool): \(error)")
        }
        tool.waitUntilExit()
        guard tool.terminationStatus == 0 else {
            throw CommandFailure("\(self.certificateTool) could not issue a certificate for \(providerID)")
        }
    }

    /// After the period was paid, the platform's review confirms that one well-paid provider's ad returns were
    /// inflated by self-purchases: an operator revises the final scorecard late (ad ROI counted as zero), and the
    /// incentive's adjustment batch claws back the difference, deducted from the provider's later payouts.
    func reviseLate(_ period: String) async throws {
        let scorecards = try await self.assessment.allScorecards(period, options: self.options)
        guard let (scorecard, dimension, indicator) = Self.clawbackCandidate(scorecards) else {
            Self.say("\(period): no scorecard would change tier on a late revision; no clawback this year")
            return
        }
        let revised = try await self.assessment.reviseScorecard(
            AssessmentV1.ReviseScorecardRequest(
                period: period,
                providerId: scorecard.providerId,
                override: AssessmentV1.IndicatorOverride(
                    dimension: dimension,
                    indicator: indicator,
                    value: 0,
                    justification: "platform review: returns inflated by self-purchases (刷单), confirmed after payout"
                )
            ),
            options: self.keyed("revise-\(period)-\(scorecard.providerId)")
        )
        let adjustment = try await self.disburse(period, key: "adjustment-\(period)")
        self.story.clawbackProvider = scorecard.providerId
        self.story.clawbackFen = adjustment.totals?.clawbackFen ?? 0
        Self.say(
            "\(period): late revision of \(scorecard.providerId) (tier \(scorecard.tier) → "
                + "\(revised.scorecard?.tier ?? "?")); adjustment \(adjustment.id) books "
                + "\(AmountText.yuan(self.story.clawbackFen)) to claw back"
        )
    }

    /// The best-ranked scorecard whose tier a zero on one indicator would lower, with that indicator: the tier sets
    /// the rate, so only a tier change moves money, and only for a provider below the period cap at either rate.
    static func clawbackCandidate(
        _ scorecards: [AssessmentV1.Scorecard]
    ) -> (
        AssessmentV1.Scorecard, String, String
    )? {
        let minimums = ["S": 8_500, "A": 7_000, "B": 5_500]
        let zeroable: Set = ["ad_roi", "live_gmv_per_minute", "sell_through", "on_time_rate", "streamers_incubated"]
        // The highest rate with the highest club bonus (50 basis points) reaches the period cap at this net GMV.
        let uncapped = Self.capPerPeriodFen * 10_000 / 50
        for scorecard in scorecards.sorted(by: { ($0.composite, $0.providerId) > ($1.composite, $1.providerId) })
        where !scorecard.disqualified && Self.netGMVFen(scorecard) < uncapped {
            guard let minimum = minimums[scorecard.tier] else { continue }
            let dimensionWeights = scorecard.dimensions.reduce(0) { $0 + $1.weight }
            guard dimensionWeights > 0 else { continue }
            for dimension in scorecard.dimensions {
                let indicatorWeights = dimension.indicators.reduce(0) { $0 + $1.weight }
                guard indicatorWeights > 0 else { continue }
                for indicator in dimension.indicators where zeroable.contains(indicator.id) {
                    let drop =
                        indicator.points * indicator.weight * dimension.weight / indicatorWeights
                        / dimensionWeights
                    // A margin of one point covers rounding and a capped dimension.
                    if scorecard.composite - drop + 100 < minimum {
                        return (scorecard, dimension.dimension, indicator.id)
                    }
                }
            }
        }
        return nil
    }

    /// The scorecard window's paid GMV less refunds: what the rules' `gmv` basis pays on.
    static func netGMVFen(_ scorecard: AssessmentV1.Scorecard) -> Int64 {
        func total(_ metric: String) -> Int64 { scorecard.totals.first { $0.metric == metric }?.value ?? 0 }
        return total("PAID_GMV") - total("REFUNDS")
    }

    static func points(_ scorecard: AssessmentV1.Scorecard, _ dimension: String, _ indicator: String) -> Int64 {
        scorecard.dimensions.first { $0.dimension == dimension }?.indicators.first { $0.id == indicator }?.points ?? 0
    }
}
