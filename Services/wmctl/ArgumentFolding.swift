import ArgumentParser

/// Folds repeated arguments into one argument each before swift-argument-parser parses the command line.
///
/// swift-argument-parser 1.8.2 takes time quadratic in the number of arguments for a repeated flag or a list of
/// positionals: each consumed value is removed from its argument array by shifting the ones before it
/// (`SplitArguments.remove(at:)`), and each value of an array is appended to a fresh copy of the array and merged into
/// a set of origins that grows with it (`ParsedValues.update`). 4,000 `--category` flags took 33 s. Folding gives the
/// parser a fixed number of arguments however many values there are: the values of each repeated flag are joined into
/// one argument given to that flag, and each run of positional values into one argument, with NUL between values,
/// which no argument can contain (argv strings are C strings). ``Repeated`` splits them again.
enum ArgumentFolding {
    /// Between folded values.
    static let separator: Character = "\u{0}"

    /// `arguments` (without the program name) with the repeated arguments of the chosen command folded; unchanged
    /// when the command declares none (``RepeatedArguments``).
    static func fold(_ arguments: [String], root: any ParsableCommand.Type) -> [String] {
        var command = root
        var start = 0
        while start < arguments.count,
            let subcommand = command.configuration.subcommands.first(where: {
                $0.configuration.commandName == arguments[start]
            })
        {
            command = subcommand
            start += 1
        }
        guard let repeated = command as? any RepeatedArguments.Type else { return arguments }
        return Array(arguments[..<start])
            + Self.fold(
                arguments[start...],
                options: repeated.repeatedOptions,
                positionals: repeated.repeatsPositionals
            )
    }

    /// The folding of one command's own arguments.
    ///
    /// Every flag of wmctl takes at most one value, so of plain arguments (not starting with `-`) that follow a flag,
    /// only the first can be that flag's value; it is left where it is, and only the plain arguments after it are
    /// folded as positionals. Nothing after `--` is touched.
    static func fold(_ arguments: ArraySlice<String>, options: Set<String>, positionals: Bool) -> [String] {
        var output: [String] = []
        output.reserveCapacity(arguments.count)
        var optionSlots: [String: (index: Int, values: [String])] = [:]
        var run: [String] = []
        var previousWasFlag = false
        func endRun() {
            if !run.isEmpty { output.append(run.joined(separator: String(Self.separator))) }
            run.removeAll()
        }
        func collect(_ option: String, _ value: String) {
            if optionSlots[option] == nil {
                endRun()
                optionSlots[option] = (output.count, [])
                output += [option, ""]
            }
            optionSlots[option]?.values.append(value)
        }
        var index = arguments.startIndex
        while index < arguments.endIndex {
            let argument = arguments[index]
            if argument == "--" {
                endRun()
                output += arguments[index...]
                break
            }
            if let equals = argument.firstIndex(of: "="), argument.hasPrefix("--"),
                options.contains(String(argument[..<equals]))
            {
                collect(String(argument[..<equals]), String(argument[argument.index(after: equals)...]))
                previousWasFlag = false
            } else if options.contains(argument), index + 1 < arguments.endIndex,
                !arguments[index + 1].hasPrefix("-")
            {
                collect(argument, arguments[index + 1])
                index += 1
                previousWasFlag = false
            } else if argument.hasPrefix("-") {
                endRun()
                output.append(argument)
                previousWasFlag = true
            } else if !positionals || previousWasFlag {
                endRun()
                output.append(argument)
                previousWasFlag = false
            } else {
                run.append(argument)
            }
            index += 1
        }
        endRun()
        for slot in optionSlots.values {
            output[slot.index + 1] = slot.values.joined(separator: String(Self.separator))
        }
        return output
    }
}
