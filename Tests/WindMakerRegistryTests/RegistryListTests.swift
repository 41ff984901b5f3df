import Testing
import WindMakerKit
import WindMakerRegistry

@Suite struct RegistryListTests {
    /// Seven LOCAL providers (four in 350100, three in 440300, two of them active) and two BRAND ones.
    func populated() throws -> RegistryHarness {
        let harness = try RegistryHarness()
        for number in 1 ... 4 { try harness.applied(number, region: "350100") }
        for number in 5 ... 6 { try harness.active(number, region: "440300") }
        try harness.applied(7, region: "440300")
        for number in 8 ... 9 { try harness.applied(number, type: .brand, region: nil) }
        return harness
    }

    @Test func filtersSelectByTypeStatusAndRegion() throws {
        let harness = try self.populated()
        let registry = harness.registry
        #expect(try registry.listProviders().items.count == 9)
        #expect(try registry.listProviders(ProviderFilter(type: .brand)).items.count == 2)
        #expect(try registry.listProviders(ProviderFilter(status: .active)).items.count == 2)
        #expect(try registry.listProviders(ProviderFilter(region: Region("440300"))).items.count == 3)
        let combined = try registry.listProviders(
            ProviderFilter(type: .local, status: .applied, region: Region("440300"))
        )
        #expect(combined.items.map(\.profile.displayName) == ["Provider 7"])
        #expect(combined.nextPageToken == nil)
    }

    @Test func threePagesReturnEveryProviderOnceInIDOrder() throws {
        let harness = try self.populated()
        let filter = ProviderFilter(type: .local)
        var seen: [ProviderID] = []
        var token: String?
        var pages = 0
        repeat {
            let page = try harness.registry.listProviders(filter, page: PageRequest(size: 3, token: token))
            seen += page.items.map(\.id)
            token = page.nextPageToken
            pages += 1
        } while token != nil
        #expect(pages == 3)
        #expect(seen.count == 7)
        #expect(seen == seen.sorted())
        #expect(Set(seen).count == 7)
        // The same request gives the same page: the order is stable.
        let again = try harness.registry.listProviders(filter, page: PageRequest(size: 3))
        #expect(again.items.map(\.id) == Array(seen.prefix(3)))
    }

    @Test func aTokenFromAnotherFilterIsRefused() throws {
        let harness = try self.populated()
        let first = try harness.registry.listProviders(ProviderFilter(type: .local), page: PageRequest(size: 2))
        let token = try #require(first.nextPageToken)
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.listProviders(ProviderFilter(type: .brand), page: PageRequest(size: 2, token: token))
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["page.page_token"])
    }

    @Test(arguments: ["garbage!", "djF8eHh4", "AAAA", "dj"])
    func aGarbageTokenIsRefused(token: String) throws {
        let harness = try self.populated()
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.listProviders(page: PageRequest(size: 2, token: token))
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["page.page_token"])
    }

    @Test(arguments: [-1, 501])
    func aPageSizeOutsideTheLimitIsRefused(size: Int) throws {
        let harness = try RegistryHarness()
        let error = #expect(throws: RegistryError.self) {
            try harness.registry.listProviders(page: PageRequest(size: size))
        }
        guard case .invalidArgument(let violations) = error else {
            Issue.record("got \(String(describing: error))")
            return
        }
        #expect(violations.map(\.field) == ["page.page_size"])
    }
}
