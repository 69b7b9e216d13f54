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
        let more = ids.count - limit
        return shown + (language == .nl ? " en \(more) \(more == 1 ? "andere" : "anderen")" : " and \(more) \(more == 1 ? "other" : "others")")
    }
}

extension ReportLanguage {
    /// A solve's status for a person: the code in English ("optimal"), its word in Dutch.
    public func status(_ code: String) -> String {
        guard self == .nl else { return code }
        return ["optimal": "optimaal", "feasible": "toelaatbaar", "stopped": "gestopt", "infeasible": "onmogelijk",
                "no_solution": "geen oplossing", "failed": "mislukt", "not needed": "niet nodig"][code] ?? code
    }

    /// How the solve ended, in a planner's words (the solver's status and gap are details):
    /// "proven best", "the best roster found in 20 s; not proven best", "stopped after 4 s": the
    /// status in a planner's words; the gap goes in the details (`outcomeDetail`).
    public func outcome(status code: String, gap: Double?, seconds: Double) -> String {
        let time = String(format: "%.0f", max(1, seconds.rounded()))
        switch (self, code) {
        case (.nl, "optimal"): return "bewezen beste rooster, in \(time) s"
        case (.nl, "feasible"): return "beste rooster gevonden in \(time) s; niet bewezen het beste"
        case (.nl, "stopped"): return "gestopt na \(time) s; het beste rooster tot dan"
        case (_, "optimal"): return "proven best roster, in \(time) s"
        case (_, "feasible"): return "best roster found in \(time) s; not proven best"
        case (_, "stopped"): return "stopped after \(time) s; the best roster until then"
        default: return "\(status(code)) in \(time) s"
        }
    }

    /// The solver's gap, for the details beside the status: how far the roster's score may lie
    /// above the best any roster could reach (a bound, often loose: not a share of bad roster).
    public func outcomeDetail(status code: String, gap: Double?) -> String {
        let gapText = gap.map { String(format: "%.2f%%", $0 * 100) } ?? "n/a"
        return self == .nl
            ? "\(status(code)), gap \(gapText) tot de ondergrens (de ondergrens is wat geen rooster kan verslaan; de afstand zit vaak in de grens, niet in het rooster)"
            : "\(status(code)), gap \(gapText) to the lower bound (what no roster can beat; the distance is often in the bound, not the roster)"
    }

    /// A capacity skill for a person: `lead` (end responsibility in a session) in words.
    public func skill(_ name: String) -> String {
        name == "lead" ? (self == .nl ? "in de dienst" : "lead") : name
    }

    /// A day code (`mon`) as the language abbreviates it.
    public func day(_ code: String) -> String {
        guard self == .nl, let day = Weekday(name: code) else { return code }
        return ["ma", "di", "wo", "do", "vr", "za", "zo"][day.rawValue]
    }

    /// An activity or role code (`group`, `professional`) in words.
    public func activity(_ code: String) -> String {
        guard self == .nl else { return code }
        return ["group": "groep", "visit": "bezoek", "evaluation": "evaluatie", "appointment": "overleg", "coordination": "coördinatie",
                "professional": "professional", "volunteer": "vrijwilliger"][code] ?? code
    }
}

/// Text for a terminal with its control characters shown, not obeyed: an input's ESC, BEL or CR
/// echoed in a message could set a terminal's title or print a fake "all good" line. Each is
/// written `\x1b`; line breaks and tabs stay where `keepingLines` (a message of several lines).
public enum TerminalText {
    public static func safe(_ text: String, keepingLines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar), !(keepingLines && (scalar == "\n" || scalar == "\t")) {
                result += "\\x" + String(scalar.value, radix: 16).leftPadded(to: 2)
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
