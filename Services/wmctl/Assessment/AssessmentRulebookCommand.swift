import ArgumentParser
import Foundation
import WindMakerMessages
import WindMakerServiceAPI

/// `wmctl assessment rulebook publish|show`.
struct AssessmentRulebookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rulebook",
        abstract: "Publish or show the five-power rulebook.",
        subcommands: [Publish.self, Show.self]
    )

    struct Publish: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "publish",
            abstract: "Publish a rulebook JSON file as the next version."
        )

        @Argument(help: "The rulebook document (JSON; docs/ASSESSMENT.md documents it).") var file: String
        @Option(name: .customLong("effective-from"), help: "The first period it applies to, YYYY-MM.")
        var effectiveFrom: String
        @OptionGroup var connection: ConnectionOptions
        @OptionGroup var idempotency: IdempotencyOptions

        func run() async throws {
            let document = try DocumentFile.read(self.file)
            let flags = FlagNames(["effective_from": "--effective-from", "document": "<file>"])
            let options = IdempotencyOptions.callOptions(self.connection, key: self.idempotency.resolvedKey())
            let response = try await AssessmentCall.run(self.connection, flags: flags.merging(IdempotencyOptions.flags))
            {
                assessment in
                try await assessment.publishRulebook(
                    AssessmentV1.PublishRulebookRequest(document: document, effectiveFrom: self.effectiveFrom),
                    options: options
                )
            }
            RulebookOutput.print(response.rulebook ?? AssessmentV1.Rulebook(), self.connection, document: false)
        }
    }

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a published rulebook.")

        @Option(name: .customLong("version"), help: "The version (default: the newest).") var version: Int64 = 0
        @Flag(name: .customLong("document"), help: "Print the JSON document itself.") var document = false
        @OptionGroup var connection: ConnectionOptions

        func run() async throws {
            let response = try await AssessmentCall.run(self.connection, flags: FlagNames(["version": "--version"])) {
                try await $0.getRulebook(
                    AssessmentV1.GetRulebookRequest(version: self.version),
                    options: self.connection.callOptions
                )
            }
            RulebookOutput.print(response.rulebook ?? AssessmentV1.Rulebook(), self.connection, document: self.document)
        }
    }
}

enum RulebookOutput {
    static func print(_ rulebook: AssessmentV1.Rulebook, _ connection: ConnectionOptions, document: Bool) {
        if connection.json {
            JSONOutput.print(["rulebook": AssessmentJSON.rulebook(rulebook, document: document)])
        } else if document {
            Swift.print(TerminalText.escapedKeepingLines(rulebook.document))
        } else {
            Swift.print(AssessmentTables.rulebook(rulebook))
        }
    }
}
