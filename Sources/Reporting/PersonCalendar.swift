import CareDomain

/// One iCalendar file (RFC 5545) per person with their week: times in Europe/Amsterdam with the
/// zone's rules included, and UIDs built from the person, the date and the activity's place in
/// their day (not its time), so importing a re-planned week moves a shifted event instead of
/// adding a second one; a re-plan also cancels what it took away.
public enum PersonCalendar {
    /// `calendars/<staff id>.ics` for everyone with work this week. With `previous` (a re-plan's
    /// earlier roster), an event that changed gets the next `SEQUENCE` and one that is gone is
    /// written as cancelled, so a calendar that imported the earlier file follows. `sequences`:
    /// each event's SEQUENCE as last published (`sequences(in:)` of the earlier files; none: 0),
    /// so every publish that changes an event raises it once more.
    public static func files(roster: Roster, scenario: Scenario, previous: Roster? = nil, sequences: [String: Int] = [:]) -> [String: String] {
        let byStaff = Dictionary(grouping: roster.assignments) { $0.staff }
        let before = previous.map { Dictionary(grouping: $0.assignments) { $0.staff } } ?? [:]
        var files: [String: String] = [:]
        for staff in Set(byStaff.keys).union(before.keys) {
            guard let person = scenario.staff[staff] else { continue }
            let lines = events((byStaff[staff] ?? []).sorted(), earlier: previous.map { _ in (before[staff] ?? []).sorted() },
                               scenario: scenario, sequences: sequences)
            guard !lines.isEmpty else { continue }
            files["calendars/\(staff.rawValue).ics"] = document(for: person, events: lines, title: "\(scenario.week)")
        }
        return files
    }

    /// `calendars/<staff id>.ics` for a period: each person's work of every week in one calendar.
    /// With `previous` (each week's roster published before), changed events are new versions and
    /// taken-away ones cancelled, week by week, as `files(roster:scenario:previous:)` does.
    public static func periodFiles(_ weeks: [(roster: Roster, scenario: Scenario)], previous: [Roster]? = nil, sequences: [String: Int] = [:]) -> [String: String] {
        guard let first = weeks.first?.scenario else { return [:] }
        var events: [StaffID: [String]] = [:]
        for (index, (roster, scenario)) in weeks.enumerated() {
            let byStaff = Dictionary(grouping: roster.assignments, by: \.staff)
            let before = previous.flatMap { index < $0.count ? Dictionary(grouping: $0[index].assignments, by: \.staff) : [:] }
            for staff in Set(byStaff.keys).union(before?.keys ?? [:].keys).sorted() where scenario.staff[staff] != nil {
                // Dates make the UIDs distinct per week.
                events[staff, default: []] += self.events((byStaff[staff] ?? []).sorted(), earlier: before.map { ($0[staff] ?? []).sorted() },
                                                          scenario: scenario, sequences: sequences)
            }
        }
        var files: [String: String] = [:]
        for (staff, lines) in events where !lines.isEmpty {
            guard let person = first.staff[staff] else { continue }
            files["calendars/\(staff.rawValue).ics"] = document(for: person, events: lines, title: "\(first.week)–\(weeks.last!.scenario.week)")
        }
        return files
    }

    /// One person's events of one week (`work` sorted): with `earlier` (their work as published
    /// before), changed events as new versions and the ones gone as cancelled.
    static func events(_ work: [RosterAssignment], earlier: [RosterAssignment]?, scenario: Scenario, sequences: [String: Int]) -> [String] {
        var lines = eventLines(work, scenario: scenario, previous: earlier, sequences: sequences)
        if let earlier {
            let now = Set(uids(work, week: scenario.week))
            let gone = zip(earlier, uids(earlier, week: scenario.week)).filter { !now.contains($0.1) }
            lines += cancelled(gone.map(\.0), uids: gone.map(\.1), scenario: scenario, sequences: sequences)
        }
        return lines
    }

    public static func calendar(for person: Staff, work: [RosterAssignment], scenario: Scenario) -> String {
        document(for: person, events: eventLines(work, scenario: scenario), title: "\(scenario.week)")
    }

    static func document(for person: Staff, events: [String], title: String) -> String {
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//zorgrooster//rooster//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
                     "X-WR-CALNAME:" + escaped("Rooster \(person.name) \(title)"), "X-WR-TIMEZONE:Europe/Amsterdam"]
        lines += amsterdam
        lines += events
        lines.append("END:VCALENDAR")
        return lines.flatMap(folded).joined(separator: "\r\n") + "\r\n"
    }

    static func eventLines(_ work: [RosterAssignment], scenario: Scenario, previous: [RosterAssignment]? = nil, sequences: [String: Int] = [:]) -> [String] {
        var lines: [String] = []
        // DTSTAMP must be there; the week's Monday keeps identical runs identical.
        let stamp = compact(scenario.week.date(atMinute: 0)) + "T000000Z"
        let earlier = previous.map { Dictionary(zip(uids($0, week: scenario.week), $0), uniquingKeysWith: { first, _ in first }) }
        for (item, id) in zip(work, uids(work, week: scenario.week)) {
            lines += ["BEGIN:VEVENT",
                      "UID:" + id,
                      "DTSTAMP:" + stamp]
            // A re-plan: an event that is not as it was is a new version of it (one above the
            // version last published); one as it was keeps its version.
            let published = sequences[id] ?? 0
            if let earlier, earlier[id] != item {
                lines.append("SEQUENCE:\(published + 1)")
            } else if published > 0 {
                lines.append("SEQUENCE:\(published)")
            }
            lines += [
                      "DTSTART;TZID=Europe/Amsterdam:" + local(item.interval.start, week: scenario.week),
                      "DTEND;TZID=Europe/Amsterdam:" + local(item.interval.end, week: scenario.week),
                      "SUMMARY:" + escaped(summary(item, scenario: scenario))]
            if let place = place(item, scenario: scenario) { lines.append("LOCATION:" + escaped(place)) }
            if !item.clients.isEmpty {
                lines.append("DESCRIPTION:" + escaped("Cliënten: " + item.clients.map(\.rawValue).joined(separator: ", ")))
            }
            lines += ["TRANSP:OPAQUE", "END:VEVENT"]
        }
        return lines
    }

    /// Europe/Amsterdam since 1996: CEST from the last Sunday of March 02:00, CET from the last Sunday of October 03:00.
    static let amsterdam = [
        "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
        "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
        "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
        "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
        "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD",
        "END:VTIMEZONE",
    ]

    /// Each event's SEQUENCE in calendar files written before (UID → version; an event without
    /// one is version 0), so the next publish raises what it changes above them.
    public static func sequences(in documents: [String]) -> [String: Int] {
        var found: [String: Int] = [:]
        for document in documents {
            var uid: String?
            // Lines longer than 75 octets are folded (a space starts the next piece).
            let unfolded = document.replacingOccurrences(of: "\r\n ", with: "").replacingOccurrences(of: "\n ", with: "")
            for line in unfolded.split(whereSeparator: \.isNewline) {
                if line == "BEGIN:VEVENT" { uid = nil }
                if line.hasPrefix("UID:") { uid = String(line.dropFirst(4)) }
                if line.hasPrefix("SEQUENCE:"), let uid, let number = Int(line.dropFirst(9)) { found[uid] = max(found[uid] ?? 0, number) }
            }
        }
        return found
    }

    /// Events the re-plan took away, written as cancelled versions of the earlier ones.
    static func cancelled(_ work: [RosterAssignment], uids: [String], scenario: Scenario, sequences: [String: Int] = [:]) -> [String] {
        let stamp = compact(scenario.week.date(atMinute: 0)) + "T000000Z"
        return zip(work, uids).flatMap { item, id -> [String] in
            let version: Int = (sequences[id] ?? 0) + 1
            return ["BEGIN:VEVENT", "UID:" + id, "DTSTAMP:" + stamp, "SEQUENCE:" + String(version), "STATUS:CANCELLED",
             "DTSTART;TZID=Europe/Amsterdam:" + local(item.interval.start, week: scenario.week),
             "DTEND;TZID=Europe/Amsterdam:" + local(item.interval.end, week: scenario.week),
             "SUMMARY:" + escaped("Vervallen: " + summary(item, scenario: scenario)), "TRANSP:TRANSPARENT", "END:VEVENT"]
        }
    }

    /// One person's UIDs, in the order of `work` (sorted by time): the date, the person, the
    /// activity and its number among the person's activities of that kind that day. A shift moved
    /// within its day keeps its UID; the start minute is not in it.
    static func uids(_ work: [RosterAssignment], week: PlanningWeek) -> [String] {
        var seen: [String: Int] = [:]
        return work.map { item in
            let date = week.date(atMinute: item.interval.start)
            let key = "\(date)|\(item.staff)|\(item.activity.rawValue)"
            seen[key, default: 0] += 1
            let parts = [date.description, item.staff.rawValue, item.activity.rawValue, String(seen[key]!)]
            return parts.map { String($0.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == ".") ? $0 : "_" }) }
                .joined(separator: "-") + "@zorgrooster"
        }
    }

    static func summary(_ item: RosterAssignment, scenario: Scenario) -> String {
        switch item.activity {
        case .group:
            let place = item.location.flatMap { scenario.locations[$0]?.name } ?? item.location?.rawValue ?? ""
            return "\(item.role == .volunteer ? "Vrijwilliger" : "Groep") \(item.ref) · \(place)"
        case .visit: return "Bezoek \(item.clients.map(\.rawValue).joined(separator: ", "))"
        case .evaluation: return "Evaluatie \(item.clients.map(\.rawValue).joined(separator: ", "))"
        case .appointment: return "Overleg \(item.ref)"
        case .coordination: return "Coördinatie"
        }
    }

    static func place(_ item: RosterAssignment, scenario: Scenario) -> String? {
        if let location = item.location.flatMap({ scenario.locations[$0] }) {
            return location.area.map { "\(location.name) (\($0))" } ?? location.name
        }
        return item.area.map { "postcode \($0)" }
    }

    static func local(_ minute: Int, week: PlanningWeek) -> String {
        let date = week.date(atMinute: minute)
        let ofDay = minute - week.startMinute(of: date)
        return compact(date) + "T" + String(format2(ofDay / 60)) + String(format2(ofDay % 60)) + "00"
    }

    static func compact(_ date: CivilDate) -> String { date.description.replacingOccurrences(of: "-", with: "") }

    static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// TEXT values escape backslash, semicolon, comma and newline.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            // A line break of any kind ("\r\n" is one Character) is written as the escape, so a
            // name can never start a line of its own in the file.
            case "\n", "\r", "\r\n": result += "\\n"
            // RFC 5545 allows no other control character in a TEXT value (a tab aside).
            case _ where character.unicodeScalars.contains { ($0.value < 32 && $0 != "\t") || $0.value == 127 }:
                result.unicodeScalars.append(contentsOf: character.unicodeScalars.filter { ($0.value >= 32 && $0.value != 127) || $0 == "\t" })
            default: result.append(character)
            }
        }
        return result
    }

    /// Lines longer than 75 octets continue on the next line after a space, never inside a character.
    static func folded(_ line: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            if octets + size > (pieces.isEmpty ? 75 : 74) {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.enumerated().map { $0.offset == 0 ? $0.element : " " + $0.element }
    }
}
