/// What an uncovered row lacks, as values; its words are made only when a file or screen is
/// written, so no module reads another's sentences back (a skill "verzorging" is never mistaken
/// for "persoonlijke verzorging").
public enum ShortfallNeed: Sendable, Hashable {
    /// Counted professionals of at least `level` (ratio, `min_staff`).
    case professionals(count: Int, level: QualificationLevel)
    case lead(QualificationLevel)
    case skill(String)
    /// An `attends_any` client placed in `placed` of the `asked` sessions.
    case attendance(placed: Int, asked: Int)
    case visit(client: ClientID, number: Int, minutes: Int, level: String, skills: [String])
    case evaluation(client: ClientID, minutes: Int)
    case responsible(QualificationLevel)
    case appointment(id: String, minutes: Int, roles: String)
    /// Read back from a file, in words this version does not take apart.
    case described(String)

    /// The words of `uncovered.csv`'s `need` column.
    public var text: String {
        switch self {
        case let .professionals(count, level): "\(count) professional\(count == 1 ? "" : "s") (\(level.orHigher))"
        case let .lead(level): "lead professional (\(level.orHigher))"
        case let .skill(skill): "skill \(skill)"
        case let .attendance(placed, asked): "attendance (\(placed) of \(asked) sessions placed)"
        case let .visit(client, number, minutes, level, skills):
            "visit \(client)#\(number) (\(minutes) min, \(level) or higher\(skills.isEmpty ? "" : " with \(skills.joined(separator: ", "))"))"
        case let .evaluation(client, minutes): "evaluation of \(client) (\(minutes) min, with the responsible professional)"
        case let .responsible(level): "end-responsible professional (\(level.orHigher))"
        case let .appointment(id, minutes, roles): "appointment \(id) (\(minutes) min: \(roles))"
        case let .described(text): text
        }
    }

    /// The words in the run's language (English: `text`, as `uncovered.csv`'s `need` has them).
    public func text(in language: ReportLanguage) -> String {
        guard language == .nl else { return text }
        switch self {
        case let .professionals(count, level): return "\(count) professional\(count == 1 ? "" : "s") (\(level.orHigher(in: .nl)))"
        case let .lead(level): return "\(level.orHigher(in: .nl)) in de dienst (keuze aanbieder: lead_level)"
        case let .skill(skill): return "vaardigheid \(skill)"
        case let .attendance(placed, asked): return "deelname (\(placed) van \(asked) sessies geplaatst)"
        case let .visit(client, number, minutes, level, skills):
            return "bezoek \(client)#\(number) (\(minutes) min, \(level) of hoger\(skills.isEmpty ? "" : " met \(skills.joined(separator: ", "))"))"
        case let .evaluation(client, minutes): return "evaluatie van \(client) (\(minutes) min, met de eindverantwoordelijke)"
        case let .responsible(level): return "eindverantwoordelijke (\(level.orHigher(in: .nl)))"
        case let .appointment(id, minutes, roles): return "overleg \(id) (\(minutes) min: \(roles))"
        case let .described(text): return text
        }
    }

    /// The need of a row read from `uncovered.csv`: the group needs a checker reasons about are
    /// taken apart (by `kind`, not by guessing from the words); the rest keep their words.
    public init(text: String, kind: UncoveredKind, levels: [QualificationLevel]) {
        func level(in words: Substring) -> QualificationLevel? {
            levels.first { words.hasSuffix("(\($0.orHigher))") }
        }
        switch kind {
        case .skill where text.hasPrefix("skill "):
            self = .skill(String(text.dropFirst("skill ".count)))
        case .lead where text.hasPrefix("lead professional "):
            self = level(in: Substring(text)).map { .lead($0) } ?? .described(text)
        case .staffing:
            let count = text.split(separator: " ").first.flatMap { Int($0) }
            if let count, let found = level(in: Substring(text)) { self = .professionals(count: count, level: found) } else { self = .described(text) }
        default:
            self = .described(text)
        }
    }
}

/// Why a need stayed uncovered: the rule or circumstance as a whole, then per rule the
/// qualified people it kept away (each named with the oracle's typed reason).
public struct ShortfallReason: Sendable, Hashable {
    /// What asked for the demand or stood in its way, in a planner's words.
    public let summary: PlannerText
    /// How many people on the staff are qualified; nil where the count is not the point.
    public let qualified: Int?
    public let causes: [ShortfallCause]
    /// Whether every person is named (group sessions) or the first five and a count (client work).
    public let namesEveryone: Bool

    public init(summary: PlannerText, qualified: Int? = nil, causes: [ShortfallCause] = [], namesEveryone: Bool = true) {
        self.summary = summary
        self.qualified = qualified
        self.causes = causes
        self.namesEveryone = namesEveryone
    }

    /// Per violation, the people it names, largest group first: how reasons are grouped everywhere.
    public static func grouped(_ violations: [StaffID: RuleViolation]) -> [ShortfallCause] {
        Dictionary(grouping: violations.keys, by: { violations[$0]!.sentence })
            .map { ShortfallCause(people: $0.value.sorted(), violation: violations[$0.value[0]]!) }
            .sorted { ($0.people.count, $0.violation.sentence) > ($1.people.count, $1.violation.sentence) }
    }

    /// Words read back from a file.
    public init(summary: String) {
        self.init(summary: PlannerText(summary))
    }

    /// The words of `uncovered.csv`'s `reason` column: "rule; of N qualified: a, b: why; c: why".
    public var text: String {
        let parts = causes.map { "\(names($0.people)): \($0.violation.sentence)" }.joined(separator: "; ")
        switch qualified {
        case .some(0): return "\(summary.en); nobody on the staff has this qualification"
        case let .some(count): return "\(summary.en); of \(count) qualified: \(parts)"
        case .none: return causes.isEmpty ? summary.en : "\(summary.en): \(parts)"
        }
    }

    /// The reason for a person to read, in the run's language, people by name (id in
    /// brackets), grouped by cause, at most five names a cause.
    public func text(in language: ReportLanguage, names: StaffNames) -> String {
        let parts = causes.map { "\(names.list($0.people, in: language)): \($0.violation.sentence(in: language))" }.joined(separator: "; ")
        let summary = summary.text(in: language)
        let nl = language == .nl
        switch qualified {
        case .some(0): return "\(summary); \(nl ? "niemand in het team heeft deze kwalificatie" : "nobody on the staff has this qualification")"
        case let .some(count): return "\(summary); \(nl ? "van \(count) gekwalificeerd" : "of \(count) qualified"): \(parts)"
        case .none: return causes.isEmpty ? summary : "\(summary): \(parts)"
        }
    }

    private func names(_ ids: [StaffID]) -> String {
        let shown = (namesEveryone ? ids : Array(ids.prefix(5))).map(\.rawValue).joined(separator: ", ")
        return namesEveryone || ids.count <= 5 ? shown : "\(shown) and \(ids.count - 5) more"
    }
}

/// The people one rule kept away from a need.
public struct ShortfallCause: Sendable, Hashable {
    public let people: [StaffID]
    public let violation: RuleViolation

    public init(people: [StaffID], violation: RuleViolation) {
        self.people = people
        self.violation = violation
    }
}
