import CareDomain
import Foundation
import SwiftCSV

/// Reads a written `roster.csv` and `uncovered.csv` back into a `Roster`, for `zorgrooster check`.
public enum RosterFileReader {
    public struct ReadError: Error, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let problem: String
        public var description: String { "\(file):\(line): \(problem)" }

        public init(file: String, line: Int, problem: String) {
            self.file = file
            self.line = line
            self.problem = problem
        }
    }

    public static func read(folder: String, scenario: Scenario) throws -> Roster {
        let parts = try readRows(folder: folder, scenario: scenario)
        return Roster(assignments: parts.assignments.map(\.row), uncovered: parts.uncovered.map(\.row),
                      responsibilities: parts.responsibilities.map(\.row))
    }

    /// The three files' rows in file order, each with its line and its `week` cell (periods).
    private static func readRows(folder: String, scenario: Scenario) throws
        -> (assignments: [(line: Int, row: RosterAssignment)], uncovered: [(line: Int, row: UncoveredDemand, week: String?)],
            responsibilities: [(line: Int, row: Responsibility, week: String?)]) {
        let areas = knownAreas(scenario)
        let assignments = try rows(in: folder, file: "roster.csv", required: OutputFiles.rosterColumns).map { line, row in
            (line, try assignment(row, line: line, scenario: scenario, areas: areas))
        }
        let uncovered = try rows(in: folder, file: "uncovered.csv", required: Array(OutputFiles.uncoveredColumns.prefix(11))).map { line, row in
            (line, try uncoveredDemand(row, line: line, scenario: scenario), row["week"])
        }
        let responsibilityPath = URL(fileURLWithPath: folder).appendingPathComponent("responsibility.csv").path
        let responsibilities: [(line: Int, row: Responsibility, week: String?)] = FileManager.default.fileExists(atPath: responsibilityPath)
            ? try rows(in: folder, file: "responsibility.csv", required: ["client_id", "staff_id", "coordination_minutes"]).map { line, row in
                guard let minutes = Int(row["coordination_minutes"] ?? "") else {
                    throw ReadError(file: "responsibility.csv", line: line, problem: "coordination_minutes is not a whole number")
                }
                return (line, Responsibility(client: ClientID(row["client_id"] ?? ""), staff: StaffID(row["staff_id"] ?? ""), coordinationMinutes: minutes),
                        row["week"])
            }
            : []
        return (assignments, uncovered, responsibilities)
    }

    /// A period's written files (`weeks` > 1) as one roster per week, each in minutes from its
    /// own Monday: dated rows by the week they start in, undated ones by their `week` column.
    public static func readPeriod(folder: String, scenario: Scenario) throws -> [Roster] {
        guard scenario.weeks > 1 else { return [try read(folder: folder, scenario: scenario)] }
        let whole = try readRows(folder: folder, scenario: scenario)
        let weekLength = PlanningWeek.minutesPerWeek
        func index(of interval: WeekInterval?, weekText: String?, file: String, line: Int) throws -> Int {
            let found: Int?
            if let interval { found = Int((Double(interval.start) / Double(weekLength)).rounded(.down)) }
            else { found = (0..<scenario.weeks).first { scenario.week.adding(weeks: $0).description == weekText } }
            guard let found, (0..<scenario.weeks).contains(found) else {
                throw ReadError(file: file, line: line, problem: "the row lies outside the period \(scenario.week) + \(scenario.weeks) weeks")
            }
            return found
        }
        func moved(_ interval: WeekInterval, _ week: Int) -> WeekInterval {
            WeekInterval(start: interval.start - week * weekLength, end: interval.end - week * weekLength)
        }
        var assignments = Array(repeating: [RosterAssignment](), count: scenario.weeks)
        for (line, row) in whole.assignments {
            let week = try index(of: row.interval, weekText: nil, file: "roster.csv", line: line)
            assignments[week].append(RosterAssignment(staff: row.staff, activity: row.activity, interval: moved(row.interval, week), location: row.location,
                                                      area: row.area, clients: row.clients, products: row.products, role: row.role, ref: row.ref))
        }
        var uncovered = Array(repeating: [UncoveredDemand](), count: scenario.weeks)
        for (line, row, weekText) in whole.uncovered {
            let week = try index(of: row.interval, weekText: weekText, file: "uncovered.csv", line: line)
            uncovered[week].append(UncoveredDemand(interval: row.interval.map { moved($0, week) }, activity: row.activity, location: row.location,
                                                   client: row.client, product: row.product, need: row.need, kind: row.kind, hours: row.hours,
                                                   reason: row.reason, ref: row.ref, clientsPresent: row.clientsPresent))
        }
        var responsibilities = Array(repeating: [Responsibility](), count: scenario.weeks)
        for (line, row, weekText) in whole.responsibilities {
            responsibilities[try index(of: nil, weekText: weekText, file: "responsibility.csv", line: line)].append(row)
        }
        return (0..<scenario.weeks).map { Roster(assignments: assignments[$0], uncovered: uncovered[$0], responsibilities: responsibilities[$0]) }
    }

    /// The rows of one roster file (`--pin FILE`: a subset of a roster.csv, with its header).
    public static func readAssignments(file path: String, scenario: Scenario) throws -> [RosterAssignment] {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path, file = url.lastPathComponent
        // A short pin file names a group session by person, date and session (or its times),
        // optionally its location: `staff_id,date,session` or `staff_id,date,start,end`.
        let all = try rows(in: folder, file: file, required: ["staff_id", "date"])
        if let first = all.first?.1, !OutputFiles.rosterColumns.allSatisfy({ first[$0] != nil }) {
            return try all.map { line, row in try shortPin(row, line: line, file: path, scenario: scenario) }
        }
        return try rows(in: folder, file: file, required: OutputFiles.rosterColumns)
            .map { [areas = knownAreas(scenario)] line, row in try assignment(row, line: line, scenario: scenario, areas: areas) }
    }

    /// One row of a short pin file as the group row it names: the session of that date by its
    /// name or its times, at the given location or the only one holding it where the person may work.
    private static func shortPin(_ row: [String: String], line: Int, file: String, scenario: Scenario) throws -> RosterAssignment {
        let id = StaffID(row["staff_id"] ?? "")
        guard let person = scenario.staff[id] else { throw ReadError(file: file, line: line, problem: "staff member `\(id)` is not in the scenario") }
        guard let date = spreadsheetDate(row["date"] ?? "") else { throw ReadError(file: file, line: line, problem: "date `\(row["date"] ?? "")` is not YYYY-MM-DD (or D-M-YYYY)") }
        let sessionName = row["session"] ?? row["ref"]
        let start = row["start"].flatMap(ClockTime.minutes), end = row["end"].flatMap(ClockTime.minutes)
        guard sessionName?.isEmpty == false || (start != nil && end != nil) else {
            throw ReadError(file: file, line: line, problem: "a short pin names its session (column `session`) or its times (`start`, `end`)")
        }
        let location = row["location"].flatMap { $0.isEmpty ? nil : LocationID($0) }
        let candidates = scenario.groupSessions.filter { session in
            scenario.week.date(atMinute: session.interval.start) == date
                && (location.map { session.location == $0 } ?? person.mayWork(at: session.location))
                && (sessionName.map { $0.isEmpty || session.slot.name == $0 } ?? true)
                && (start.map { session.interval.start % 1440 == $0 } ?? true)
                && (end.map { (session.interval.end - 1) % 1440 + 1 == $0 } ?? true)
        }
        guard candidates.count == 1, let session = candidates.first else {
            throw ReadError(file: file, line: line, problem: candidates.isEmpty
                ? "no session of \(date) matches this pin where \(id) may work"
                : "\(candidates.count) sessions match this pin (at \(candidates.map(\.location.rawValue).joined(separator: ", "))); add a `location` column")
        }
        let clients = scenario.sortedClients.filter { $0.location == session.location && $0.attends.contains(session.slot) }
        return RosterAssignment(staff: id, activity: .group, interval: session.interval, location: session.location,
                                area: scenario.locations[session.location]?.area, clients: clients.map(\.id),
                                products: Array(Set(clients.map(\.product))).sorted(), role: person.isVolunteer ? .volunteer : .professional,
                                ref: session.slot.name)
    }

    static func rows(in folder: String, file: String, required: [String]) throws -> [(Int, [String: String])] {
        let path = URL(fileURLWithPath: folder).appendingPathComponent(file).path
        let text: String
        switch InputFile.text(atPath: path, limit: InputFile.largestCSVBytes) {
        case let .success(read): text = read
        case .failure(.unreadable): throw ReadError(file: path, line: 1, problem: "cannot read the file; run `zorgrooster solve` with --out \(folder) first")
        case let .failure(problem): throw ReadError(file: path, line: 1, problem: InputFile.describe(problem, what: "a roster").problem)
        }
        let csv = try CSV<Named>(string: try CSVLocale.plain(text), delimiter: .comma)
        for column in required where !csv.header.contains(column) {
            throw ReadError(file: path, line: 1, problem: "column `\(column)` is missing from the header")
        }
        return csv.rows.enumerated().map { ($0.offset + 2, $0.element) }
    }

    /// A date as written (YYYY-MM-DD) or as Dutch Excel saves one after an edit (D-M-YYYY,
    /// DD-MM-YYYY, D/M/YYYY): a roster edited by hand is read as meant.
    static func spreadsheetDate(_ text: String) -> CivilDate? {
        if let date = CivilDate(iso: text) { return date }
        let parts = text.split(omittingEmptySubsequences: false) { $0 == "-" || $0 == "/" }
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count), parts[2].count == 4,
              parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let day = Int(parts[0]), let month = Int(parts[1]), let year = Int(parts[2]) else { return nil }
        return CivilDate(year: year, month: month, day: day)
    }

    private static func interval(_ row: [String: String], line: Int, file: String, scenario: Scenario) throws -> WeekInterval? {
        let dateText = row["date"] ?? ""
        if dateText.isEmpty { return nil }
        guard let date = spreadsheetDate(dateText), let start = ClockTime.minutes(row["start"] ?? ""),
              let end = ClockTime.minutes(row["end"] ?? "") else {
            throw ReadError(file: file, line: line, problem: "date, start or end is not a valid date or HH:MM time")
        }
        guard start < 1440 else {
            throw ReadError(file: file, line: line, problem: "start 24:00 is the end of a day; a row starts at 00:00 of the next date")
        }
        let dayStart = scenario.week.startMinute(of: date)
        let startMinute = dayStart + start
        var endMinute = dayStart + end
        if endMinute <= startMinute { endMinute += 1440 }
        guard endMinute > startMinute else {
            throw ReadError(file: file, line: line, problem: "start and end are the same time: a row must last a while")
        }
        return WeekInterval(start: startMinute, end: endMinute)
    }

    private static func assignment(_ row: [String: String], line: Int, scenario: Scenario, areas: Set<String>) throws -> RosterAssignment {
        guard let interval = try interval(row, line: line, file: "roster.csv", scenario: scenario) else {
            throw ReadError(file: "roster.csv", line: line, problem: "a roster row needs a date")
        }
        guard let activity = Activity(rawValue: row["activity"] ?? ""), let role = RosterRole(rawValue: row["role"] ?? "") else {
            throw ReadError(file: "roster.csv", line: line, problem: "unknown activity or role")
        }
        try checkDescriptiveCells(row, line: line, interval: interval, scenario: scenario, areas: areas)
        return RosterAssignment(
            staff: StaffID(row["staff_id"] ?? ""), activity: activity, interval: interval,
            location: (row["location"] ?? "").isEmpty ? nil : LocationID(row["location"]!),
            area: (row["area"] ?? "").isEmpty ? nil : row["area"], clients: list(row["clients"]).map(ClientID.init),
            products: list(row["product"]).map(ProductID.init), role: role, ref: row["ref"] ?? "")
    }

    /// The cells a reader sees but the rules do not use (the weekday, the name, the area, the
    /// products) must still say what the scenario says: a row edited there is named.
    /// Every area a row may name: the locations' (a location without one is its own), the clients' and the staff's homes.
    private static func knownAreas(_ scenario: Scenario) -> Set<String> {
        Set(scenario.locations.values.map { $0.area ?? $0.id.rawValue } + scenario.clients.values.compactMap { $0.ambulatory?.area }
            + scenario.staff.values.compactMap(\.homeArea))
    }

    private static func checkDescriptiveCells(_ row: [String: String], line: Int, interval: WeekInterval, scenario: Scenario, areas: Set<String>) throws {
        let day = scenario.week.date(atMinute: interval.start).weekday.description
        guard row["day"] == day else {
            throw ReadError(file: "roster.csv", line: line, problem: "day is `\(row["day"] ?? "")`, but \(row["date"] ?? "") is a \(day)")
        }
        if let person = scenario.staff[StaffID(row["staff_id"] ?? "")], row["staff_name"] != OutputFiles.asText(person.name) {
            throw ReadError(file: "roster.csv", line: line, problem: "staff_name is `\(row["staff_name"] ?? "")`; \(person.id) is called `\(person.name)`")
        }
        if let location = row["location"], !location.isEmpty, scenario.locations[LocationID(location)] == nil {
            throw ReadError(file: "roster.csv", line: line, problem: "location `\(location)` is not in the scenario")
        }
        for product in list(row["product"]) where scenario.products[ProductID(product)] == nil {
            throw ReadError(file: "roster.csv", line: line, problem: "product `\(product)` is not in the scenario")
        }
        let clients = list(row["clients"]).compactMap { scenario.clients[ClientID($0)] }
        if !clients.isEmpty, Set(clients.map(\.product.rawValue)) != Set(list(row["product"])) {
            throw ReadError(file: "roster.csv", line: line, problem: "product is `\(row["product"] ?? "")`; the row's clients have \(Set(clients.map(\.product.rawValue)).sorted().joined(separator: ";"))")
        }
        if let area = row["area"], !area.isEmpty {
            guard areas.contains(area) else {
                throw ReadError(file: "roster.csv", line: line, problem: "area `\(area)` is no area of the scenario's locations, clients or staff")
            }
        }
    }

    private static func uncoveredDemand(_ row: [String: String], line: Int, scenario: Scenario) throws -> UncoveredDemand {
        guard let activity = Activity(rawValue: row["activity"] ?? "") else {
            throw ReadError(file: "uncovered.csv", line: line, problem: "unknown activity `\(row["activity"] ?? "")`")
        }
        guard let kind = UncoveredKind(rawValue: row["kind"] ?? "") else {
            throw ReadError(file: "uncovered.csv", line: line, problem: "unknown kind `\(row["kind"] ?? "")`")
        }
        if let location = row["location"], !location.isEmpty, scenario.locations[LocationID(location)] == nil {
            throw ReadError(file: "uncovered.csv", line: line, problem: "location `\(location)` is not in the scenario")
        }
        if let client = row["client"], !client.isEmpty, scenario.clients[ClientID(client)] == nil {
            throw ReadError(file: "uncovered.csv", line: line, problem: "client `\(client)` is not in the scenario")
        }
        guard let hours = Double(row["hours"] ?? ""), hours.isFinite, hours >= 0, hours <= 168 else {
            throw ReadError(file: "uncovered.csv", line: line, problem: "hours `\(row["hours"] ?? "")` is not a number of hours from 0 to 168")
        }
        return UncoveredDemand(
            interval: try interval(row, line: line, file: "uncovered.csv", scenario: scenario), activity: activity,
            location: (row["location"] ?? "").isEmpty ? nil : LocationID(row["location"]!),
            client: (row["client"] ?? "").isEmpty ? nil : ClientID(row["client"]!),
            product: (row["product"] ?? "").isEmpty ? nil : ProductID(row["product"]!),
            need: ShortfallNeed(text: row["need"] ?? "", kind: kind, levels: scenario.scale.levels), kind: kind,
            hours: hours, reason: ShortfallReason(summary: row["reason"] ?? ""), ref: row["ref"] ?? "",
            clientsPresent: list(row["clients_present"]).map(ClientID.init))
    }

    private static func list(_ cell: String?) -> [String] {
        (cell ?? "").split(separator: ";").map(String.init).filter { !$0.isEmpty }
    }
}
