import CareDomain
import Foundation
import SwiftCSV

/// `check` reads every file `solve` wrote, not only the roster: each column of `capacity.csv`,
/// `capacity-by-day.csv`, `responsibility.csv`, `wishes.csv`, `hours.csv` and `summary.json` is validated
/// against the scenario (known levels, skills, people, dates; finite, non-negative numbers), and
/// the summary's totals against the roster's rows. A file edited into nonsense is named by line.
extension RosterFileReader {
    /// The side files of the output in `folder`; a missing optional file is no error. `rosters`
    /// are the folder's roster and uncovered rows as `read`/`readPeriod` gave them (the summary's
    /// totals are held against them, not read again).
    public static func checkWrittenFiles(folder: String, scenario: Scenario, rosters: [Roster]) throws {
        // Every file solve always writes is there: a folder missing one is damaged.
        for file in ["summary.json", "capacity.csv", "capacity-by-day.csv", "responsibility.csv", "wishes.csv", "hours.csv",
                     "report.html", "roster.xlsx", "roster-by-person.csv"]
            where !FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(file).path) {
            throw ReadError(file: file, line: 1, problem: "is missing; `zorgrooster solve` always writes it (solve again, or copy the whole folder)")
        }
        let levels = Set(scenario.scale.levels.map(\.name))
        // `lead` is the capacity tables' name for an end-responsible lead in a session.
        var skills: Set<String> = ["lead", ""]
        skills.formUnion(scenario.staff.values.flatMap(\.skills))
        skills.formUnion(scenario.clients.values.flatMap(\.needs))
        skills.formUnion(scenario.products.values.flatMap { Array($0.skills) + Array($0.responsibleSkills) })
        skills.formUnion(scenario.appointments.values.flatMap { $0.roles.flatMap(\.skills) })
        // A vacancy that must hold several skills at once (a session whose clients need two) is
        // written `ggz+social-work`: every part a skill of the scenario.
        func isSkill(_ text: String) -> Bool { skills.contains(text) || text.split(separator: "+").allSatisfy { skills.contains(String($0)) } }
        let weeks = Set((0..<scenario.weeks).map { scenario.week.adding(weeks: $0).description })
        func optionalRows(_ file: String, _ columns: [String]) throws -> [(Int, [String: String])] {
            guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(file).path) else { return [] }
            return try rows(in: folder, file: file, required: columns)
        }
        func number(_ row: [String: String], _ column: String, file: String, line: Int, largest: Double = 1e9) throws -> Double {
            guard let value = Double(row[column] ?? ""), value.isFinite, value >= 0, value <= largest else {
                throw ReadError(file: file, line: line, problem: "\(column) `\(row[column] ?? "")` is not a number from 0 to \(decimalText(largest))")
            }
            return value
        }
        func week(_ row: [String: String], file: String, line: Int) throws {
            guard scenario.weeks > 1 else { return }
            guard let text = row["week"], weeks.contains(text) else {
                throw ReadError(file: file, line: line, problem: "week `\(row["week"] ?? "")` is not a week of the period \(scenario.week) + \(scenario.weeks) weeks")
            }
        }

        var capacityKeys: Set<String> = []
        var capacityShort = 0.0, capacityRows = 0
        for (line, row) in try optionalRows("capacity.csv", OutputFiles.capacityColumns) {
            // One row per level and skill (and week): a row doubled by hand doubles its hours.
            guard capacityKeys.insert("\(row["level"] ?? "")|\(row["skill"] ?? "")|\(row["week"] ?? "")").inserted else {
                throw ReadError(file: "capacity.csv", line: line, problem: "level `\(row["level"] ?? "")` and skill `\(row["skill"] ?? "")` have a row already")
            }
            guard levels.contains(row["level"] ?? "") else {
                throw ReadError(file: "capacity.csv", line: line, problem: "level `\(row["level"] ?? "")` is not a level of the scenario")
            }
            guard isSkill(row["skill"] ?? "") else {
                throw ReadError(file: "capacity.csv", line: line, problem: "skill `\(row["skill"] ?? "")` is no skill of the scenario")
            }
            let figures = try OutputFiles.capacityColumns.dropFirst(2).map { try number(row, $0, file: "capacity.csv", line: line) }
            // demand = assigned + uncovered, as the table defines them.
            if abs(figures[0] - figures[2] - figures[3]) > 0.011 {
                throw ReadError(file: "capacity.csv", line: line, problem: "demand_hours \(decimalText(figures[0])) is not assigned_hours + uncovered_hours (\(decimalText(figures[2] + figures[3])))")
            }
            try week(row, file: "capacity.csv", line: line)
            capacityShort += figures[3]
            capacityRows += 1
        }
        // Cross-total: the capacity table's uncovered hours are the group sessions' uncovered
        // staff, leads and skills of uncovered.csv, to the files' rounding.
        if capacityRows > 0 {
            let sessionShort = rosters.reduce(0.0) { sum, roster in
                sum + roster.uncovered.filter { $0.activity == .group && $0.interval != nil && [.staffing, .lead, .skill].contains($0.kind) }
                    .reduce(0.0) { $0 + $1.hours }
            }
            let rows = rosters.reduce(0) { $0 + $1.uncovered.count } + capacityRows
            if abs(capacityShort - sessionShort) > 0.01 * Double(rows) + 0.011 {
                throw ReadError(file: "capacity.csv", line: 1, problem: "its uncovered_hours add up to \(decimalText(capacityShort)), but uncovered.csv's staff, lead and skill rows of the sessions to \(decimalText(sessionShort)) h")
            }
        }
        for (line, row) in try optionalRows("capacity-by-day.csv", Array(OutputFiles.capacityByDayColumns.prefix(6))) {
            if let cover = row["cover"], !["stand-in", "hire"].contains(cover) {
                throw ReadError(file: "capacity-by-day.csv", line: line, problem: "cover `\(cover)` is neither `stand-in` nor `hire`")
            }
            let sessionNames = Set(scenario.locations.values.flatMap { $0.sessions.map(\.name) })
            guard Weekday(name: row["day"] ?? "") != nil, Daypart(rawValue: row["daypart"] ?? "") != nil || sessionNames.contains(row["daypart"] ?? "") else {
                throw ReadError(file: "capacity-by-day.csv", line: line, problem: "day `\(row["day"] ?? "")` or daypart `\(row["daypart"] ?? "")` is not a weekday (mon…sun) and a session of the scenario or a part of the day (\(Daypart.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard levels.contains(row["level"] ?? ""), isSkill(row["skill"] ?? "") else {
                throw ReadError(file: "capacity-by-day.csv", line: line, problem: "level `\(row["level"] ?? "")` or skill `\(row["skill"] ?? "")` is not the scenario's")
            }
            // A day's part sums every location's sessions of that name and every person short
            // in them (two houses' late shifts short of two people each: 32 h), so a day's 24 h
            // is no cap.
            for column in ["uncovered_hours", "hire_hours"] { _ = try number(row, column, file: "capacity-by-day.csv", line: line) }
            try week(row, file: "capacity-by-day.csv", line: line)
        }
        for (line, row) in try optionalRows("responsibility.csv", OutputFiles.responsibilityColumns) {
            let file = "responsibility.csv"
            guard let client = scenario.clients[ClientID(row["client_id"] ?? "")] else {
                throw ReadError(file: file, line: line, problem: "client `\(row["client_id"] ?? "")` is not in the scenario")
            }
            guard let person = scenario.staff[StaffID(row["staff_id"] ?? "")] else {
                throw ReadError(file: file, line: line, problem: "staff member `\(row["staff_id"] ?? "")` is not in the scenario")
            }
            let expected = [("product", client.product.rawValue), ("staff_name", OutputFiles.asText(person.name)), ("level", person.level.name),
                            ("fixed", client.responsible == person.id ? "true" : "false")]
            for (column, value) in expected where row[column] != value {
                throw ReadError(file: file, line: line, problem: "\(column) is `\(row[column] ?? "")`; for \(client.id) and \(person.id) the scenario gives `\(value)`")
            }
            _ = try number(row, "coordination_minutes", file: file, line: line, largest: 10_080)
            try week(row, file: file, line: line)
        }
        for (line, row) in try optionalRows("wishes.csv", OutputFiles.wishColumns) {
            let file = "wishes.csv"
            guard scenario.staff[StaffID(row["staff_id"] ?? "")] != nil else {
                throw ReadError(file: file, line: line, problem: "staff member `\(row["staff_id"] ?? "")` is not in the scenario")
            }
            guard CivilDate(iso: row["date"] ?? "") != nil, let weight = Int(row["weight"] ?? ""), (1...5).contains(weight),
                  ["true", "false"].contains(row["met"] ?? "") else {
                throw ReadError(file: file, line: line, problem: "date, weight (1 to 5) or met (true/false) is not valid")
            }
        }
        try checkSummary(folder: folder, scenario: scenario, rosters: rosters)
    }

    /// `summary.json`: the contract's fields with their types, the scenario's week, and totals
    /// that agree with `roster.csv` and `uncovered.csv`.
    private static func checkSummary(folder: String, scenario: Scenario, rosters: [Roster]) throws {
        let file = "summary.json"
        let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestCSVBytes).get(),
              let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)), let summary = object as? [String: Any] else {
            throw ReadError(file: file, line: 1, problem: "not a JSON object as solve writes it")
        }
        let statuses: Set<String> = ["optimal", "feasible", "stopped", "infeasible", "unbounded", "no_solution"]
        guard let status = summary["status"] as? String, statuses.contains(status) else {
            throw ReadError(file: file, line: 1, problem: "status `\(summary["status"] ?? "")` is not one of \(statuses.sorted().joined(separator: ", "))")
        }
        guard summary["week"] as? String == scenario.week.description else {
            throw ReadError(file: file, line: 1, problem: "week `\(summary["week"] ?? "")` is not the scenario's \(scenario.week)")
        }
        func value(_ key: String, largest: Double = 1e12) throws -> Double {
            guard let number = summary[key] as? NSNumber, number.doubleValue.isFinite,
                  number.doubleValue >= 0, number.doubleValue <= largest else {
                throw ReadError(file: file, line: 1, problem: "`\(key)` is `\(summary[key] ?? "missing")`, not a number from 0 to \(decimalText(largest))")
            }
            return number.doubleValue
        }
        _ = try value("coverage", largest: 1)
        for key in ["cost", "fte_gap", "hire_hours", "hire_cost", "visits_asked", "visits_placed", "wishes", "wishes_met"] { _ = try value(key) }
        // solve_seconds and gap are numbers solve writes (gap null when there is no bound).
        _ = try value("solve_seconds", largest: 366 * 86_400)
        if summary["gap"] != nil, !(summary["gap"] is NSNull) { _ = try value("gap") }
        if try value("visits_placed") > value("visits_asked") {
            throw ReadError(file: file, line: 1, problem: "visits_placed is more than visits_asked")
        }
        if try value("wishes_met") > value("wishes") {
            throw ReadError(file: file, line: 1, problem: "wishes_met is more than wishes")
        }
        let assigned = try value("assigned_hours"), uncovered = try value("uncovered_hours")
        // The totals the rows give, to the summary's two decimals.
        let rosterHours = rosters.reduce(0.0) { sum, roster in sum + roster.assignments.reduce(0.0) { $0 + Double($1.interval.minutes) / 60 } }
        let shortHours = rosters.reduce(0.0) { sum, roster in sum + roster.uncovered.reduce(0.0) { $0 + $1.hours } }
        if abs(rosterHours - assigned) > 0.01 {
            throw ReadError(file: file, line: 1, problem: "assigned_hours is \(decimalText(assigned)), but roster.csv's rows add up to \(decimalText(rosterHours)) h")
        }
        // Each uncovered row's hours are written to two decimals (a session of odd minutes is not a
        // whole hundredth): their sum may stray half a hundredth per row from the exact total.
        let shortRows = rosters.reduce(0) { $0 + $1.uncovered.count }
        if abs(shortHours - uncovered) > 0.005 * Double(shortRows) + 0.01 * Double(max(1, scenario.weeks)) + 0.005 {
            throw ReadError(file: file, line: 1, problem: "uncovered_hours is \(decimalText(uncovered)), but uncovered.csv's rows add up to \(decimalText(shortHours)) h")
        }
        if scenario.weeks > 1 {
            guard (summary["weeks"] as? NSNumber)?.intValue == scenario.weeks, (summary["per_week"] as? [Any])?.count == scenario.weeks else {
                throw ReadError(file: file, line: 1, problem: "`weeks` and `per_week` do not cover the period's \(scenario.weeks) weeks")
            }
        }
        // The money (SCENARIO.md 1.2) as the rows give it: payroll, extra spend, total.
        let people = PayrollSummary.people(period: scenario, rosters: rosters)
        let pay = PayrollSummary.totals(people)
        if summary["payroll"] != nil {
            let extra = (summary["extra_spend"] as? [String: Any])?["total"] as? NSNumber
            let stated = [("payroll", try value("payroll"), pay.payroll),
                          ("extra_spend.total", extra?.doubleValue ?? .nan, pay.extraSpend),
                          ("total_cost", try value("total_cost"), pay.payroll + pay.extraSpend + (try value("hire_cost")))]
            for (key, written, expected) in stated where !(abs(written - expected) <= 0.01 * Double(max(1, scenario.weeks)) + 0.005) {
                throw ReadError(file: file, line: 1, problem: "\(key) is \(decimalText(written)), but the roster's hours and the scenario's contracts make \(decimalText(expected))")
            }
        }
        try checkHours(folder: folder, people: people)
    }

    /// `hours.csv`: each paid person's row as the roster and the scenario make it.
    private static func checkHours(folder: String, people: [PersonHours]) throws {
        let file = "hours.csv"
        guard FileManager.default.fileExists(atPath: URL(fileURLWithPath: folder).appendingPathComponent(file).path) else { return }
        let expected = Dictionary(uniqueKeysWithValues: people.map { ($0.staff.rawValue, $0) })
        var seen: Set<String> = []
        for (line, row) in try rows(in: folder, file: file, required: OutputFiles.hoursColumns) {
            let id = row["staff_id"] ?? ""
            guard let person = expected[id], seen.insert(id).inserted else {
                throw ReadError(file: file, line: line, problem: "staff member `\(id)` is not a paid person of the scenario, or is listed twice")
            }
            guard row["contract"] == person.contract.rawValue else {
                throw ReadError(file: file, line: line, problem: "contract is `\(row["contract"] ?? "")`; the scenario gives \(id) `\(person.contract.rawValue)`")
            }
            let figures = [("contract_hours", person.contractHours), ("balance_before", person.balanceBefore), ("rostered_hours", person.rosteredHours),
                           ("balance_after", person.balanceAfter), ("allowance_hours", person.allowanceHours),
                           ("allowance_cost", person.allowanceCost), ("extra_cost", person.extraCost)]
            for (column, value) in figures {
                guard let written = Double(row[column] ?? ""), abs(written - value) <= 0.011 else {
                    // Contract hours owed fall with absent days: a re-plan's folder is checked with its absence.
                    let absence = column == "contract_hours" ? " (planned with an absence, as `replan --absent` does? check with the same one: --set 'staff.\(id).absent=[DATE]')" : ""
                    throw ReadError(file: file, line: line, problem: "\(column) is `\(row[column] ?? "")`; the roster and the scenario make \(decimalText(value)) for \(id)\(absence)")
                }
            }
        }
        if seen.count != expected.count {
            let missing = expected.keys.filter { !seen.contains($0) }.sorted()
            throw ReadError(file: file, line: 1, problem: "no row for \(missing.prefix(5).joined(separator: ", "))\(missing.count > 5 ? " and \(missing.count - 5) more" : "")")
        }
    }

    private static func decimalText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.2f", value)
    }
}
