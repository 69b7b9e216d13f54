import Yams

/// A scenario value with its place in the source: read from YAML, or built from a CSV cell.
///
/// Every reader works on these nodes, so a staff member written in YAML and one written in
/// `staff.csv` go through the same checks and get the same kind of located error.
struct ValueNode: Sendable {
    enum Content: Sendable {
        case scalar(String)
        case mapping([(key: String, value: ValueNode)])
        case sequence([ValueNode])
        case null
    }

    let content: Content
    let location: SourceLocation
    let path: String

    var scalar: String? { if case let .scalar(text) = content { text } else { nil } }
    var isNull: Bool { if case .null = content { true } else { false } }

    var kindName: String {
        switch content {
        case .scalar: "a single value"
        case .mapping: "a mapping of fields"
        case .sequence: "a list"
        case .null: "empty"
        }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Converts a composed YAML tree, keeping each node's line and column.
    init(yaml node: Node, file: String, path: String) {
        let mark = node.mark
        location = SourceLocation(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1)
        self.path = path
        switch node {
        case let .scalar(scalar):
            let plainNull = scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
            content = plainNull ? .null : .scalar(scalar.string)
        case let .mapping(mapping):
            content = .mapping(mapping.map { pair in
                let key = pair.key.string ?? "\(pair.key)"
                return (key, ValueNode(yaml: pair.value, file: file, path: path.isEmpty ? key : "\(path).\(key)"))
            })
        case let .sequence(sequence):
            content = .sequence(sequence.enumerated().map { index, element in
                ValueNode(yaml: element, file: file, path: "\(path)[\(index)]")
            })
        case .alias:
            content = .null
        }
    }

    init(content: Content, location: SourceLocation, path: String) {
        self.content = content
        self.location = location
        self.path = path
    }
}

extension ValueNode {
    /// `[]` or nothing: a list given with no items.
    var isEmptyList: Bool {
        switch content {
        case let .sequence(items): items.isEmpty
        case .null: true
        default: false
        }
    }
}
