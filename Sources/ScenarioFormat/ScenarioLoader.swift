import CareDomain
import Foundation
import Yams

/// Reads a scenario file (YAML, or JSON, which is YAML) per the format reference.
///
/// Every problem in the file is collected and reported together in a `ScenarioError`;
/// a scenario is returned only when it has none.
public enum ScenarioLoader {
    public static let topLevelFields = [
        "version", "name", "week", "time_step_minutes", "settings", "levels", "products", "locations",
        "staff", "staff_file", "clients", "clients_file", "appointments", "travel", "labour_rules", "variants",
        "weeks", "history", "allowances", "overtime", "holidays", "holidays_add", "holidays_remove",
    ]

    /// Reads the scenario at `path`, edited by `variant` when one is given. Every variant in the
    /// file is tried too, so a variant that breaks a rule is reported with the base.
    public static func load(path: String, variant: ScenarioVariant? = nil, checkingVariants: Bool = true) throws(ScenarioError) -> Scenario {
        let (text, folder) = try contents(of: path)
        return try parse(text, file: path, folder: folder, variant: variant, checkingVariants: checkingVariants)
    }

    /// The variants the file at `path` lists, in file order.
    public static func variants(path: String) throws(ScenarioError) -> [ScenarioVariant] {
        let (text, folder) = try contents(of: path)
        let root = try compose(text, file: path)
        let log = IssueLog()
        let reader = ScenarioReader(log: log, file: path, folder: folder)
        let variants = root.field("variants").map(reader.readVariants) ?? []
        if !log.issues.isEmpty { throw ScenarioError(issues: log.issues) }
        return variants
    }

    static func contents(of path: String) throws(ScenarioError) -> (text: String, folder: String) {
        let url = URL(fileURLWithPath: path)
        switch InputFile.text(atPath: path, limit: InputFile.largestYAMLBytes) {
        case let .success(text):
            return (text, url.deletingLastPathComponent().path)
        case let .failure(problem):
            let (words, hint) = InputFile.describe(problem, what: "a scenario or contract")
            throw ScenarioError(issues: [ScenarioIssue(location: SourceLocation(file: path, line: 1, column: 1), path: "", problem: words,
                                                       hint: problem == .unreadable ? "check the path; a scenario is a .yaml or .json file" : hint)])
        }
    }

    /// Reads scenario text; `folder` resolves `staff_file` and `clients_file`.
    /// `checkingVariants: false` reads the base alone (`compare` tries each variant apart, so
    /// one broken variant does not stop the others).
    public static func parse(_ text: String, file: String, folder: String = ".", variant: ScenarioVariant? = nil,
                             checkingVariants: Bool = true) throws(ScenarioError) -> Scenario {
        let document = try compose(text, file: file)
        let log = IssueLog()
        let reader = ScenarioReader(log: log, file: file, folder: folder)
        let scenario = reader.read(document, variant: variant)
        if variant == nil, checkingVariants, log.issues.isEmpty, let variantsNode = document.field("variants") {
            // Each variant must read cleanly too; its errors carry its name.
            for each in reader.readVariants(variantsNode) {
                _ = ScenarioReader(log: log, file: file, folder: folder).read(document, variant: each)
            }
        }
        if !log.issues.isEmpty || scenario == nil {
            throw ScenarioError(issues: log.issues.isEmpty
                ? [ScenarioIssue(location: SourceLocation(file: file, line: 1, column: 1), path: "", problem: "the scenario is incomplete", hint: "")]
                : log.issues)
        }
        return scenario!
    }

    static func compose(_ text: String, file: String) throws(ScenarioError) -> ValueNode {
        let root: Node
        do {
            guard let composed = try Yams.compose(yaml: text) else {
                throw ScenarioError(issues: [ScenarioIssue(location: SourceLocation(file: file, line: 1, column: 1), path: "",
                                                           problem: "the file is empty", hint: "start from `zorgrooster init` or an example in scenarios/")])
            }
            root = composed
            // YAML aliases repeat a part of the file by reference: a few lines can stand for
            // billions of values ("billion laughs"). Counted before any of it is read out.
            if exceedsValues(root, limit: largestValueCount) {
                throw ScenarioError(issues: [ScenarioIssue(location: SourceLocation(file: file, line: 1, column: 1), path: "",
                                                           problem: "the file expands to more than \(largestValueCount) values (through YAML anchors and aliases)",
                                                           hint: "write the scenario out without `&anchor`/`*alias` repetition, or split it into staff_file and clients_file")])
            }
        } catch let error as ScenarioError {
            throw error
        } catch {
            throw ScenarioError(issues: [yamlIssue(error, file: file)])
        }
        return ValueNode(yaml: root, file: file, path: "")
    }

    /// The most values (scalars, lists, mappings) a scenario may expand to: far above any real
    /// provider's week (1,000 staff and 2,500 clients are a few hundred thousand).
    static let largestValueCount = 2_000_000

    /// Whether `node` holds more than `limit` values, counted with aliases expanded; stops counting early.
    static func exceedsValues(_ node: Node, limit: Int) -> Bool {
        var count = 0
        func walk(_ node: Node) -> Bool {
            count += 1
            if count > limit { return true }
            switch node {
            case let .mapping(mapping): return mapping.contains { walk($0.key) || walk($0.value) }
            case let .sequence(sequence): return sequence.contains { walk($0) }
            default: return false
            }
        }
        return walk(node)
    }

    private static func yamlIssue(_ error: Error, file: String) -> ScenarioIssue {
        if let yamlError = error as? YamlError {
            switch yamlError {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
                return ScenarioIssue(location: SourceLocation(file: file, line: mark.line, column: mark.column), path: "",
                                     // Where what went wrong began (an unclosed quote's opening, say), besides where it was found.
                                     problem: "not valid YAML: \(problem)\(context.map { " (\($0.text) that begins at line \($0.mark.line), column \($0.mark.column))" } ?? "")",
                                     hint: "check indentation and quoting on this line and the one before")
            case let .duplicatedKeysInMapping(duplicates, context):
                return ScenarioIssue(location: SourceLocation(file: file, line: context.mark.line, column: context.mark.column), path: "",
                                     problem: "a key appears twice in one mapping: \(duplicates.joined(separator: ", "))",
                                     hint: "every id and field may appear once; rename or merge the duplicates")
            default: break
            }
        }
        return ScenarioIssue(location: SourceLocation(file: file, line: 1, column: 1), path: "",
                             problem: "not valid YAML: \(error)", hint: "check the file's indentation and quoting")
    }
}
