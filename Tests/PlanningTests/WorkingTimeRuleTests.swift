import CareDomain
import Testing

@Suite("Working Hours Act: shifts, nights, rest, hours")
struct WorkingTimeRuleTests {
    @Test("A night shift ending at 07:00 forces 14 h rest: an evening 12 h later is not worked by the same person")
    func restAfterNight() throws {
        let sessions = """
              - {name: nacht, days: mon, from: "23:00", to: "07:00"}
              - {name: avond, days: tue, from: "19:00", to: "23:00"}
        """
        let clients = clientLines(2, attends: "[mon nacht, tue avond]")
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 12}", clients: clients))
        #expect(outcome.roster.assignments.count == 1)
        #expect(outcome.uncovered(.staffing).count == 1)
        // 14 hours later is allowed.
        let later = sessions.replacingOccurrences(of: "\"19:00\"", with: "\"21:00\"")
        let (_, relaxed) = try planChecked(tinyScenario(sessions: later, staff: "  s1: {level: mbo3, contract_hours: 12}", clients: clients))
        #expect(relaxed.roster.assignments.count == 2)
    }

    @Test("Three nights, then an early shift 24 h later: not for the same person (46 h rest, ATW 5:8); a fourth night is")
    func restAfterNightSeries() throws {
        let sessions = """
              - {name: nacht, days: mon-wed, from: "23:00", to: "07:00"}
              - {name: vroeg, days: fri, from: "07:00", to: "15:00"}
        """
        let clients = clientLines(2, attends: "[mon nacht, tue nacht, wed nacht, fri vroeg]")
        let staff = "  s1: {level: mbo3, contract_hours: 32, max_hours: 40}"
        let (_, alone) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients))
        #expect(alone.roster.assignments.count == 3, "one of the four is left: \(alone.roster.assignments.map(\.ref))")
        let short = try #require(alone.uncovered(.staffing).first)
        #expect(short.hours == 8)
        // Whichever is left, the named reason is a rule the oracle really applies to s1.
        #expect(short.reason.causes.contains { $0.people == [StaffID("s1")] }, "\(short.reason.text)")
        // With a colleague, all four are covered, and never all by s1.
        let (_, two) = try planChecked(tinyScenario(sessions: sessions, staff: staff + "\n  s2: {level: mbo3, contract_hours: 32, max_hours: 40}", clients: clients))
        #expect(two.roster.uncovered.isEmpty)
        #expect(two.roster.assignments.filter { $0.staff == StaffID("s1") }.count < 4)
        #expect(two.roster.assignments.filter { $0.staff == StaffID("s2") }.count < 4)
        // A fourth night on Thursday continues the series: one person may work all four nights.
        let fourNights = """
              - {name: nacht, days: mon-thu, from: "23:00", to: "07:00"}
        """
        let (_, series) = try planChecked(tinyScenario(sessions: fourNights, staff: staff, clients: clientLines(2, attends: "[mon nacht, tue nacht, wed nacht, thu nacht]")))
        #expect(series.roster.assignments.count == 4)
    }

    @Test("An early and a late shift on one day make a 16 h shift: not for one person")
    func shiftLength() throws {
        let sessions = """
              - {name: vroeg, days: mon, from: "07:00", to: "15:00"}
              - {name: laat, days: mon, from: "15:00", to: "23:00"}
        """
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 16}", clients: clientLines(2, attends: "[mon vroeg, mon laat]")))
        #expect(outcome.roster.assignments.count == 1)
    }

    @Test("An evening before a night makes a night shift over 10 h")
    func nightShiftLength() throws {
        let sessions = """
              - {name: avond, days: mon, from: "20:00", to: "23:00"}
              - {name: nacht, days: mon, from: "23:00", to: "07:00"}
        """
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 16}", clients: clientLines(2, attends: "[mon avond, mon nacht]")))
        #expect(outcome.roster.assignments.count == 1)
    }

    @Test("Seven day shifts leave no 36 h weekly rest: one of them is left uncovered")
    func weeklyRest() throws {
        let sessions = "      - {name: dag, days: mon-sun, from: \"09:00\", to: \"17:00\"}"
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 56}", clients: clientLines(2, attends: "[mon dag, tue dag, wed dag, thu dag, fri dag, sat dag, sun dag]")))
        #expect(outcome.roster.assignments.count == 6)
        #expect(outcome.uncovered(.staffing).count == 1)
    }

    @Test("Hours stay within max_hours")
    func maxHours() throws {
        let sessions = "      - {name: ochtend, days: mon-fri, from: \"09:00\", to: \"12:30\"}"
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 7, max_hours: 10.5}", clients: clientLines(2, attends: "[mon ochtend, tue ochtend, wed ochtend, thu ochtend, fri ochtend]")))
        #expect(outcome.roster.assignments.count == 3)
        #expect(outcome.uncovered(.staffing).allSatisfy { $0.reason.text.contains("hours limit") })
    }
}
