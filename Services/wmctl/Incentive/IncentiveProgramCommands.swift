import ArgumentParser
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl incentive program create|fund|show|list`.
struct IncentiveProgramCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "program",
        abstract: "Create, fund and show programs.",
        subcommands: [
            IncentiveProgramCreateCommand.self, IncentiveProgramFundCommand.self, IncentiveProgramShowCommand.self,
            IncentiveProgramListCommand.self,
        ]
    )
}

/// `wmctl incentive program create wm-2021h2 --name "Wind Maker 2021 H2" --first 2021-07 --last 2021-12`.
struct IncentiveProgramCreateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Create a program.")

    @Argument(help: "The program id: a-z, 0-9 and '-', starting with a letter.") var program: String
    @Option(name: .customLong("name"), help: "What people call it.") var name: String
    @Option(name: .customLong("first"), help: "The first period it pays for, YYYY-MM.") var first: String
    @Option(name: .customLong("last"), help: "The last period it pays for, YYYY-MM.") var last: String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let flags = FlagNames([
            "program_id": "<program>", "name": "--name", "first_period": "--first", "last_period": "--last",
        ])
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: flags) {
            try await $0.createProgram(
                IncentiveV1.CreateProgramRequest(
                    programId: self.program,
                    name: self.name,
                    firstPeriod: self.first,
                    lastPeriod: self.last
                ),
                options: $1
            )
        }
        IncentiveOutput.program(response.program ?? IncentiveV1.Program(), self.connection, key: key)
    }
}

/// `wmctl incentive program fund wm-2021h2 --cash 5,000,000.00 --traffic 200,000,000`: a transfer from the
/// funding source per unit.
struct IncentiveProgramFundCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund",
        abstract: "Fund a program's cash budget (yuan) and/or traffic budget (impressions)."
    )

    @Argument(help: "The program id.") var program: String
    @Option(name: .customLong("cash"), help: "Yuan to add, e.g. 5,000,000.00.") var cash: String?
    @Option(name: .customLong("traffic"), help: "Impressions to add, e.g. 200,000,000.") var traffic: String?
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func validate() throws {
        guard self.cash != nil || self.traffic != nil else { throw ValidationError("give --cash, --traffic or both") }
        if let cash, FixedText.fen(fromYuan: cash) == nil {
            throw ValidationError("--cash must be yuan with at most two decimals, e.g. 1,000,000.00; got \"\(cash)\"")
        }
        if let traffic, FixedText.count(from: traffic) == nil {
            throw ValidationError("--traffic must be a whole number of impressions; got \"\(traffic)\"")
        }
    }

    func run() async throws {
        let flags = FlagNames(["program_id": "<program>", "cash_fen": "--cash", "traffic_impressions": "--traffic"])
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: flags) {
            try await $0.fundProgram(
                IncentiveV1.FundProgramRequest(
                    programId: self.program,
                    cashFen: self.cash.flatMap(FixedText.fen(fromYuan:)) ?? 0,
                    trafficImpressions: self.traffic.flatMap(FixedText.count(from:)) ?? 0
                ),
                options: $1
            )
        }
        IncentiveOutput.budget(response.budget ?? IncentiveV1.Budget(), self.connection, key: key)
    }
}

/// `wmctl incentive program show wm-2021h2`.
struct IncentiveProgramShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a program.")

    @Argument(help: "The program id.") var program: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let response = try await IncentiveCall.run(self.connection, flags: FlagNames(["program_id": "<program>"])) {
            try await $0.getProgram(
                IncentiveV1.ProgramRequest(programId: self.program),
                options: self.connection.callOptions
            )
        }
        IncentiveOutput.program(response.program ?? IncentiveV1.Program(), self.connection)
    }
}

/// `wmctl incentive program list`.
struct IncentiveProgramListCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the programs.")

    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        var programs: [IncentiveV1.Program] = []
        try await IncentiveCall.run(self.connection) { incentive in
            var token = ""
            repeat {
                let page = try await incentive.listPrograms(
                    IncentiveV1.ListProgramsRequest(page: CommonV1.PageRequest(pageSize: 500, pageToken: token)),
                    options: self.connection.callOptions
                )
                programs += page.programs
                token = page.page?.nextPageToken ?? ""
            } while !token.isEmpty
        }
        if self.connection.json {
            JSONOutput.print(["programs": .array(programs.map(IncentiveJSON.program))])
        } else {
            print(IncentiveTables.programs(programs))
        }
    }
}

/// `wmctl incentive budget wm-2021h2`: funded, reserved, posted, recovered and remaining, for cash and traffic.
struct IncentiveBudgetCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "budget", abstract: "Show a program's budgets.")

    @Argument(help: "The program id.") var program: String
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let response = try await IncentiveCall.run(self.connection, flags: FlagNames(["program_id": "<program>"])) {
            try await $0.getBudget(
                IncentiveV1.ProgramRequest(programId: self.program),
                options: self.connection.callOptions
            )
        }
        IncentiveOutput.budget(response.budget ?? IncentiveV1.Budget(), self.connection)
    }
}

/// `wmctl incentive rules publish|show`.
struct IncentiveRulesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Publish and show a program's entitlement rules.",
        subcommands: [IncentiveRulesPublishCommand.self, IncentiveRulesShowCommand.self]
    )
}

/// `wmctl incentive rules publish wm-2021h2 rules.json --effective-from 2021-07`.
struct IncentiveRulesPublishCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish a rules document as the program's next version."
    )

    @Argument(help: "The program id.") var program: String
    @Argument(help: "The rules document (JSON; docs/INCENTIVE.md documents it).") var file: String
    @Option(name: .customLong("effective-from"), help: "The first period it applies to, YYYY-MM.") var effectiveFrom:
        String
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var idempotency: IdempotencyOptions

    func run() async throws {
        let document = try DocumentFile.read(self.file)
        let flags = FlagNames(["program_id": "<program>", "effective_from": "--effective-from", "document": "<file>"])
        let (response, key) = try await IncentiveCall.mutating(self.connection, self.idempotency, flags: flags) {
            try await $0.publishRules(
                IncentiveV1.PublishRulesRequest(
                    programId: self.program,
                    document: document,
                    effectiveFrom: self.effectiveFrom
                ),
                options: $1
            )
        }
        IncentiveOutput.rules([response.rules ?? IncentiveV1.RulesVersion()], self.connection, key: key)
    }
}

/// `wmctl incentive rules show wm-2021h2 [--version 2]`: every version, or one version's document.
struct IncentiveRulesShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "List a program's rules versions, or print one version's document with --version."
    )

    @Argument(help: "The program id.") var program: String
    @Option(name: .customLong("version"), help: "The version whose document to print.") var version: Int64?
    @OptionGroup var connection: ConnectionOptions

    func run() async throws {
        let flags = FlagNames(["program_id": "<program>", "version": "--version"])
        let response = try await IncentiveCall.run(self.connection, flags: flags) {
            try await $0.getRules(
                IncentiveV1.GetRulesRequest(programId: self.program, version: self.version ?? 0),
                options: self.connection.callOptions
            )
        }
        if self.version != nil, !self.connection.json, let rules = response.versions.first {
            print(TerminalText.escapedKeepingLines(rules.document))
        } else {
            IncentiveOutput.rules(response.versions, self.connection)
        }
    }
}
