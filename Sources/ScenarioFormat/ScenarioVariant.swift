import Foundation
import Yams

/// A what-if: the scenario with clients scaled, fields set and people removed.
///
/// A variant edits the scenario's document before it is read, so the variant goes through every
/// check the base does, and the base (read from the file again) is never touched.
public struct ScenarioVariant: Sendable {
    public let name: String
    public let scaleClients: Double?
    /// The most a what-if may multiply the clients by: beyond it the week would not fit in memory.
    public static let largestScale = 10.0
    /// Dotted paths (`products.groep-duurzaam.ratio`) and their new values.
    let assignments: [(path: String, value: ValueNode)]
    /// `staff.ID` or `clients.ID`.
    public let removals: [String]
    public var setPaths: [String] { assignments.map(\.path) }

    /// The edits in words, for a comparison's line on what a variant changes.
    public var changesText: String {
        var parts = assignments.map { "\($0.path) = \($0.value.scalar ?? "(\($0.value.kindName))")" }
        if let scaleClients { parts.append(String(format: "clients × %g", scaleClients)) }
        parts += removals.map { "without \($0)" }
        return parts.joined(separator: "; ")
    }

    init(name: String, scaleClients: Double?, assignments: [(path: String, value: ValueNode)], removals: [String]) {
        self.name = name
        self.scaleClients = scaleClients
        self.assignments = assignments
        self.removals = removals
    }

    /// A variant from the command line: `set` items are `path=value`, the value read as YAML.
    public init(name: String, scaleClients: Double?, set: [String], remove: [String]) throws(ScenarioError) {
        var assignments: [(path: String, value: ValueNode)] = []
        var issues: [ScenarioIssue] = []
        for item in set {
            let place = SourceLocation(file: "--set \(item)", line: 1, column: 1)
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                issues.append(ScenarioIssue(location: place, path: "", problem: "`\(item)` is not `path=value`",
                                            hint: "write e.g. --set products.groep-duurzaam.ratio=4"))
                continue
            }
            let path = String(item[..<equals]).trimmingSpaces
            let text = String(item[item.index(after: equals)...])
            guard let node = try? Yams.compose(yaml: text) else {
                issues.append(ScenarioIssue(location: place, path: path, problem: "the value `\(text)` is not valid YAML",
                                            hint: "quote text values, e.g. --set 'locations.linde.sessions[0].to=\"13:00\"'"))
                continue
            }
            assignments.append((path, ValueNode(yaml: node, file: place.file, path: path)))
        }
        if let scaleClients, !(scaleClients > 0 && scaleClients <= ScenarioVariant.largestScale) {
            issues.append(ScenarioIssue(location: SourceLocation(file: "--scale-clients", line: 1, column: 1), path: "",
                                        problem: "the factor must be above 0 and at most \(Int(ScenarioVariant.largestScale))",
                                        hint: "e.g. --scale-clients 1.2 for 20% more clients"))
        }
        if !issues.isEmpty { throw ScenarioError(issues: issues) }
        self.init(name: name, scaleClients: scaleClients, assignments: assignments, removals: remove)
    }
}

/// Applies a variant to a scenario document (with `staff_file` and `clients_file` already inlined).
struct VariantEditor {
    let variant: ScenarioVariant
    let log: IssueLog
    let location: SourceLocation

    func apply(to root: ValueNode) -> ValueNode {
        var root = root
        for target in variant.removals { root = remove(target, from: root) }
        if let factor = variant.scaleClients { root = scaleClients(root, by: factor) }
        for (path, value) in variant.assignments {
            let segments = path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
                .split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            // A section of settings the file leaves out may still be set: it starts empty.
            if ["settings", "labour_rules", "travel"].contains(segments[0]), root.field(segments[0]) == nil {
                root = root.replacing(segments[0], with: ValueNode(content: .mapping([]), location: value.location, path: segments[0]))
            }
            if let edited = root.setting(segments[...], to: value) {
                root = edited
            } else {
                log.report(value, "variant `\(variant.name)`: `\(path)` names no field of the scenario",
                           hint: "write the path as it is in the file, e.g. products.ID.ratio or settings.fte_hours")
            }
        }
        return root
    }

    /// Takes a person out, with every mention of them; a client goes with their appointments.
    private func remove(_ target: String, from root: ValueNode) -> ValueNode {
        let parts = target.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, ["staff", "clients"].contains(parts[0]), root.field(parts[0])?.field(parts[1]) != nil else {
            log.report(at: location, path: "variants", "variant `\(variant.name)`: `\(target)` names no staff member or client",
                       hint: "write `staff.ID` or `clients.ID` with an id from the scenario")
            return root
        }
        let (section, id) = (parts[0], parts[1])
        var edited = root.replacing(section, with: root.field(section)!.replacing(id, with: nil))
        if section == "staff", let clients = edited.field("clients") {
            edited = edited.replacing("clients", with: clients.mapEntries { client in
                var client = client
                if client.field("responsible")?.scalar == id { client = client.replacing("responsible", with: nil) }
                if let preferred = client.field("preferred_staff"), case let .sequence(items) = preferred.content {
                    client = client.replacing("preferred_staff", with: ValueNode(
                        content: .sequence(items.filter { $0.scalar != id }), location: preferred.location, path: preferred.path))
                }
                return client
            })
        } else if section == "clients" {
            edited = dropAppointments(of: [id], in: edited)
        }
        return edited
    }

    /// Copies clients (new ids `ID-v2`, `ID-v3`, …) in file order, or keeps the first ones, to reach `factor` × the count.
    private func scaleClients(_ root: ValueNode, by factor: Double) -> ValueNode {
        guard let clients = root.field("clients"), case let .mapping(pairs) = clients.content, !pairs.isEmpty else { return root }
        let target = max(0, Int((Double(pairs.count) * factor).rounded()))
        if target <= pairs.count {
            let dropped = pairs.dropFirst(target).map(\.key)
            let kept = ValueNode(content: .mapping(Array(pairs.prefix(target))), location: clients.location, path: clients.path)
            return dropAppointments(of: Set(dropped), in: root.replacing("clients", with: kept))
        }
        var taken = Set(pairs.map(\.key))
        var scaled = pairs
        for index in 0..<(target - pairs.count) {
            let original = pairs[index % pairs.count]
            var copy = 2 + index / pairs.count
            while taken.contains("\(original.key)-v\(copy)") { copy += 1 }
            let id = "\(original.key)-v\(copy)"
            taken.insert(id)
            scaled.append((id, original.value.relocated(to: clients.child(id))))
        }
        return root.replacing("clients", with: ValueNode(content: .mapping(scaled), location: clients.location, path: clients.path))
    }

    private func dropAppointments(of clients: Set<String>, in root: ValueNode) -> ValueNode {
        guard let appointments = root.field("appointments"), case let .mapping(pairs) = appointments.content else { return root }
        let kept = pairs.filter { pair in pair.value.field("client")?.scalar.map { !clients.contains($0) } ?? true }
        return root.replacing("appointments", with: ValueNode(content: .mapping(kept), location: appointments.location, path: appointments.path))
    }
}

extension ValueNode {
    /// The value of `key` in a mapping.
    func field(_ key: String) -> ValueNode? {
        guard case let .mapping(pairs) = content else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// This mapping with `key` set to `value` (appended if new), or removed when `value` is nil.
    func replacing(_ key: String, with value: ValueNode?) -> ValueNode {
        guard case var .mapping(pairs) = content else { return self }
        if let index = pairs.firstIndex(where: { $0.key == key }) {
            if let value { pairs[index].value = value } else { pairs.remove(at: index) }
        } else if let value {
            pairs.append((key, value))
        }
        return ValueNode(content: .mapping(pairs), location: location, path: path)
    }

    /// Each entry of an `id: {fields}` mapping transformed.
    func mapEntries(_ transform: (ValueNode) -> ValueNode) -> ValueNode {
        guard case let .mapping(pairs) = content else { return self }
        return ValueNode(content: .mapping(pairs.map { ($0.key, transform($0.value)) }), location: location, path: path)
    }

    /// The same value placed at `path`, so errors inside it name where it now is.
    func relocated(to path: String) -> ValueNode {
        switch content {
        case let .mapping(pairs):
            return ValueNode(content: .mapping(pairs.map { ($0.key, $0.value.relocated(to: path.isEmpty ? $0.key : "\(path).\($0.key)")) }),
                             location: location, path: path)
        case let .sequence(items):
            return ValueNode(content: .sequence(items.enumerated().map { $0.element.relocated(to: "\(path)[\($0.offset)]") }),
                             location: location, path: path)
        default:
            return ValueNode(content: content, location: location, path: path)
        }
    }

    /// This document with the field at `segments` set to `value`; nil when the path leads nowhere.
    /// Ids may contain dots, so at each mapping the longest run of segments that is a key wins;
    /// the last segment may name a field not yet written.
    func setting(_ segments: ArraySlice<String>, to value: ValueNode) -> ValueNode? {
        guard let first = segments.first else { return nil }
        switch content {
        case let .mapping(pairs):
            for length in stride(from: segments.count, through: 1, by: -1) {
                let key = segments.prefix(length).joined(separator: ".")
                guard let existing = pairs.first(where: { $0.key == key })?.value else { continue }
                if length == segments.count { return replacing(key, with: value.relocated(to: child(key))) }
                if let edited = existing.setting(segments.dropFirst(length), to: value) { return replacing(key, with: edited) }
            }
            return segments.count == 1 ? replacing(first, with: value.relocated(to: child(first))) : nil
        case var .sequence(items):
            guard let index = Int(first), items.indices.contains(index) else { return nil }
            if segments.count == 1 {
                items[index] = value.relocated(to: "\(path)[\(index)]")
            } else {
                guard let edited = items[index].setting(segments.dropFirst(), to: value) else { return nil }
                items[index] = edited
            }
            return ValueNode(content: .sequence(items), location: location, path: path)
        default:
            return nil
        }
    }
}
