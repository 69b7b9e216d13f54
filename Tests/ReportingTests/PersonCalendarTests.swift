import CareDomain
import Reporting
import ScenarioFormat
import Testing

/// The per-person calendars: RFC 5545 text, pinned as a golden file.
@Suite("Calendars per person")
struct PersonCalendarTests {
    static let scenario = try! ScenarioLoader.parse("""
    version: 1
    week: 2026-W13
    products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
    locations: {huis: {name: "De Linde, locatie Noord", area: "7901", sessions: [{name: nacht, days: sat, from: "23:00", to: "07:00"}]}}
    staff: {s1: {name: Anouk de Vries, level: mbo3, contract_hours: 8}}
    clients: {c1: {product: dag, location: huis, attends: [sat nacht]}}
    """, file: "ics.yaml")

    // Saturday 28 March 23:00 to Sunday 07:00: the clocks go forward at 02:00 that night.
    static let night = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 5 * 1440 + 1380, end: 6 * 1440 + 420),
                                        location: LocationID("huis"), area: "7901", clients: [ClientID("c1")], products: [ProductID("dag")],
                                        role: .professional, ref: "nacht")

    @Test("golden: VTIMEZONE, local times, stable UID, escaped and folded text, CRLF")
    func golden() throws {
        let text = PersonCalendar.calendar(for: Self.scenario.staff[StaffID("s1")]!, work: [Self.night], scenario: Self.scenario)
        let expected = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//zorgrooster//rooster//NL", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Rooster Anouk de Vries 2026-W13", "X-WR-TIMEZONE:Europe/Amsterdam",
            "BEGIN:VTIMEZONE", "TZID:Europe/Amsterdam",
            "BEGIN:DAYLIGHT", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200", "TZNAME:CEST", "DTSTART:19700329T020000",
            "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "END:DAYLIGHT",
            "BEGIN:STANDARD", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100", "TZNAME:CET", "DTSTART:19701025T030000",
            "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:STANDARD", "END:VTIMEZONE",
            "BEGIN:VEVENT",
            "UID:2026-03-28-s1-group-1@zorgrooster",
            "DTSTAMP:20260323T000000Z",
            "DTSTART;TZID=Europe/Amsterdam:20260328T230000",
            "DTEND;TZID=Europe/Amsterdam:20260329T070000",
            "SUMMARY:Groep nacht · De Linde\\, locatie Noord",
            "LOCATION:De Linde\\, locatie Noord (7901)",
            "DESCRIPTION:Cliënten: c1",
            "TRANSP:OPAQUE", "END:VEVENT", "END:VCALENDAR",
        ].joined(separator: "\r\n") + "\r\n"
        #expect(text == expected)
    }

    @Test("the same roster gives the same UIDs; a file per person under calendars/")
    func stable() {
        let roster = Roster(assignments: [Self.night], uncovered: [])
        let first = PersonCalendar.files(roster: roster, scenario: Self.scenario)
        #expect(first.keys.sorted() == ["calendars/s1.ics"])
        #expect(first == PersonCalendar.files(roster: roster, scenario: Self.scenario))
    }

    @Test("a re-plan: a shift moved within its day keeps its UID with SEQUENCE:1, a shift taken away is cancelled")
    func updates() {
        let evening = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 1440 + 1080, end: 1440 + 1320),
                                       location: LocationID("huis"), area: "7901", clients: [ClientID("c1")], products: [ProductID("dag")],
                                       role: .professional, ref: "avond")
        let moved = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: WeekInterval(start: 1440 + 1140, end: 1440 + 1380),
                                     location: LocationID("huis"), area: "7901", clients: [ClientID("c1")], products: [ProductID("dag")],
                                     role: .professional, ref: "avond")
        let before = Roster(assignments: [Self.night, evening], uncovered: [])
        let after = Roster(assignments: [moved], uncovered: [])
        let file = PersonCalendar.files(roster: after, scenario: Self.scenario, previous: before)["calendars/s1.ics"] ?? ""
        let events = file.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        #expect(events.count == 2)
        let updated = events.first { $0.contains("UID:2026-03-24-s1-group-1@zorgrooster") && !$0.contains("CANCELLED") }
        #expect(updated?.contains("SEQUENCE:1") == true && updated?.contains("T190000") == true)
        #expect(events.contains { $0.contains("UID:2026-03-28-s1-group-1@zorgrooster") && $0.contains("STATUS:CANCELLED") })
        // Without a re-plan, no sequence and no cancellation.
        #expect(!(PersonCalendar.files(roster: after, scenario: Self.scenario)["calendars/s1.ics"] ?? "").contains("SEQUENCE"))
    }

    @Test("lines over 75 octets fold without splitting a character")
    func folding() {
        let calendar = PersonCalendar.calendar(
            for: Self.scenario.staff[StaffID("s1")]!,
            work: [RosterAssignment(staff: StaffID("s1"), activity: .visit, interval: WeekInterval(start: 600, end: 660), location: nil, area: "7901",
                                    clients: (1...30).map { ClientID("cliënt\($0)") }, products: [ProductID("dag")], role: .professional, ref: "x#1")],
            scenario: Self.scenario)
        let lines = calendar.components(separatedBy: "\r\n")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("DESCRIPTION:Cliënten: cliënt1\\, cliënt2\\,"))
        #expect(unfolded.contains("cliënt30\r\n"))
    }
}
