import CareDomain

/// Where in which file something was written.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}

/// One thing wrong in a scenario: where, which field, what is wrong and how to fix it.
public struct ScenarioIssue: Sendable, Hashable, CustomStringConvertible {
    public let location: SourceLocation
    /// The field path, such as `staff.s01.contract_hours`.
    public let path: String
    public let problem: String
    public let hint: String

    public init(location: SourceLocation, path: String, problem: String, hint: String) {
        self.location = location
        self.path = path
        self.problem = problem
        self.hint = hint
    }

    public var description: String {
        // Each part on its line, an input's control characters shown escaped (`TerminalText`).
        let safe = { (text: String) in TerminalText.safe(text) }
        return "\(safe(location.description)): \(path.isEmpty ? "(top level)" : safe(path)): \(safe(problem))" + (hint.isEmpty ? "" : "\n    hint: \(safe(hint))")
    }
}

/// A scenario that cannot be planned; every issue found is listed at once.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    public let issues: [ScenarioIssue]
    /// What the file is, for the headline: "scenario" or "contract".
    public var subject = "scenario"

    public init(issues: [ScenarioIssue]) {
        self.issues = issues.sorted { ($0.location.file, $0.location.line, $0.location.column, $0.path) < ($1.location.file, $1.location.line, $1.location.column, $1.path) }
    }

    public var description: String {
        let count = issues.count == 1 ? "1 problem" : "\(issues.count) problems"
        return "The \(subject) has \(count); nothing was \(subject == "scenario" ? "planned" : "estimated").\n" + issues.map { "  \($0)" }.joined(separator: "\n")
    }
}

/// Gathers issues while a file is read, so that all of them are reported together.
final class IssueLog {
    private(set) var issues: [ScenarioIssue] = []

    func report(_ node: ValueNode, _ problem: String, hint: String = "") {
        issues.append(ScenarioIssue(location: node.location, path: node.path, problem: problem, hint: hint))
    }

    func report(at location: SourceLocation, path: String, _ problem: String, hint: String = "") {
        issues.append(ScenarioIssue(location: location, path: path, problem: problem, hint: hint))
    }
}
