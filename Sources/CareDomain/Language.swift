/// The language a person reads a run in: Dutch (the default) or English. Files that programs
/// read (the CSV tables' columns and codes) keep the contract's words whatever the language.
public enum ReportLanguage: String, Sendable, CaseIterable {
    case nl, en
}

/// A sentence for a planner in both languages the program speaks, made where the facts are and
/// chosen where it is written.
public struct PlannerText: Sendable, Hashable {
    public let en: String
    public let nl: String

    public init(en: String, nl: String) {
        self.en = en
        self.nl = nl
    }

    /// Words read back from a file: the same in either language.
    public init(_ text: String) {
        en = text
        nl = text
    }

    public func text(in language: ReportLanguage) -> String { language == .nl ? nl : en }
}

extension QualificationLevel {
    /// "mbo4 or higher" / "mbo4 of hoger".
    public func orHigher(in language: ReportLanguage) -> String { language == .nl ? "\(name) of hoger" : orHigher }
}

/// How a reason names people: by name with the id in brackets ("Anouk de Vries (s01)"), or
/// the id alone where the scenario gives no other name.
public struct StaffNames: Sendable {
    let names: [StaffID: String]

    public init(_ scenario: Scenario) {
        names = scenario.staff.mapValues(\.name)
    }

    public init() { names = [:] }

    public func callName(_ id: StaffID) -> String {
        guard let name = names[id], !name.isEmpty, name != id.rawValue else { return id.rawValue }
        return "\(name) (\(id))"
    }

    /// At most five, then "and N others" / "en N anderen".
    public func list(_ ids: [StaffID], in language: ReportLanguage, limit: Int = 5) -> String {
        let shown = ids.prefix(limit).map(callName).joined(separator: ", ")
        guard ids.count > limit else { return shown }
        return shown + (language == .nl ? " en \(ids.count - limit) anderen" : " and \(ids.count - limit) others")
    }
}
