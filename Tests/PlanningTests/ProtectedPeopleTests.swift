import CareDomain
import Foundation
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// People the law protects (SCENARIO.md 1.2): minors (ATW 5:2), the agreements' older workers,
/// `no_night_work`; hand-worked answers.
@Suite("People the law protects")
struct ProtectedPeopleTests {
    static let eveningAndNight = """
          - {name: avond, days: mon, from: "15:00", to: "22:00"}
          - {name: nacht, days: mon, from: "23:00", to: "07:00"}
    """
    static let clients = clientLines(2, attends: "[mon avond, mon nacht]")

    func night(_ outcome: PlanOutcome) -> [String] {
        outcome.roster.assignments.filter { $0.ref == "nacht" }.map(\.staff.rawValue)
    }

    @Test("A 17-year-old is never at night; alone, the night is uncovered with the Act's reason")
    func minorNeverAtNight() throws {
        let staff = """
          m1: {level: mbo3, contract_hours: 36, birth_date: 2009-01-01}
          a1: {level: mbo3, contract_hours: 36}
        """
        let (_, outcome) = try planChecked(tinyScenario(sessions: Self.eveningAndNight, staff: staff, clients: Self.clients))
        #expect(night(outcome) == ["a1"])
        let (scenario, alone) = try planChecked(tinyScenario(sessions: Self.eveningAndNight, staff: "  m1: {level: mbo3, contract_hours: 36, birth_date: 2009-01-01}",
                                                              clients: Self.clients))
        #expect(night(alone).isEmpty)
        #expect(alone.roster.assignments.map(\.ref) == ["avond"])
        let short = try #require(alone.uncovered(.staffing).first { $0.ref == "nacht" })
        #expect(short.reason.text.contains("under 18"))
        // The checker refuses the minor at night.
        let put = RosterAssignment(staff: StaffID("m1"), activity: .group, interval: WeekInterval(start: 23 * 60, end: 31 * 60),
                                   location: LocationID("huis"), area: "1000", clients: [ClientID("c1"), ClientID("c2")],
                                   products: [ProductID("dag")], role: .professional, ref: "nacht")
        let violations = RosterChecker(scenario: scenario).check(Roster(assignments: [put], uncovered: []))
        #expect(violations.contains { $0.rule == "protected" && $0.message.contains("under 18") })
    }

    @Test("A minor's shift is at most 9 h and 12 h of rest follow it (ATW 5:2)")
    func minorShiftAndRest() throws {
        let sessions = """
              - {name: vroeg, days: mon-tue, from: "07:00", to: "12:00"}
              - {name: midden, days: mon, from: "12:00", to: "17:00"}
              - {name: laat, days: mon, from: "17:00", to: "22:00"}
        """
        let clients = clientLines(2, attends: "[mon vroeg, mon midden, mon laat, tue vroeg]")
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: "  m1: {level: mbo3, contract_hours: 36, birth_date: 2009-06-01}",
                                                               clients: clients, labour: "labour_rules: {breaks: []}"))
        let monday = outcome.roster.assignments.filter { $0.interval.start < 1440 }.map(\.ref).sorted()
        // 10 h on Monday would break the 9 h; late Monday leaves 9 h before Tuesday's early shift.
        #expect(monday.count == 1)
        #expect(!(monday.contains("laat") && outcome.roster.assignments.contains { $0.ref == "vroeg" && $0.interval.start >= 1440 }))
        #expect(outcome.roster.assignments.count == 2, "\(outcome.roster.assignments.map(\.ref))")
        // The checker refuses both Monday sessions of 10 h, and late Monday before early Tuesday.
        func row(_ day: Int, _ from: Int, _ to: Int, _ ref: String) -> RosterAssignment {
            RosterAssignment(staff: StaffID("m1"), activity: .group, interval: WeekInterval(start: day * 1440 + from * 60, end: day * 1440 + to * 60),
                             location: LocationID("huis"), area: "1000", clients: [ClientID("c1"), ClientID("c2")], products: [ProductID("dag")],
                             role: .professional, ref: ref)
        }
        let long = RosterChecker(scenario: scenario).check(Roster(assignments: [row(0, 7, 12, "vroeg"), row(0, 12, 17, "midden")], uncovered: []))
        #expect(long.contains { $0.rule == "protected" && $0.message.contains("at most 9 h") })
        let short = RosterChecker(scenario: scenario).check(Roster(assignments: [row(0, 17, 22, "laat"), row(1, 7, 12, "vroeg")], uncovered: []))
        #expect(short.contains { $0.rule == "protected" && $0.message.contains("at least 12 h") })
    }

    @Test("Older workers under the GHZ preset: no nights from 57 unless they consent; no_night_work for anyone")
    func olderWorkersAndNoNightWork() throws {
        let older = "  o1: {level: mbo3, contract_hours: 36, birth_date: 1966-02-01}"
        let ghz = "labour_rules: {preset: cao-gehandicaptenzorg}"
        let (_, exempt) = try planChecked(tinyScenario(sessions: Self.eveningAndNight, staff: older, clients: Self.clients, labour: ghz))
        #expect(night(exempt).isEmpty)
        #expect(exempt.uncovered(.staffing).first { $0.ref == "nacht" }?.reason.text.contains("CAO GHZ 6:10") == true)
        let consenting = older.replacingOccurrences(of: "}", with: ", night_work_consent: true}")
        let (_, agreed) = try planChecked(tinyScenario(sessions: Self.eveningAndNight, staff: consenting, clients: Self.clients, labour: ghz))
        #expect(night(agreed) == ["o1"])
        // Under the Act alone the same person works the night.
        let (_, atw) = try planChecked(tinyScenario(sessions: Self.eveningAndNight, staff: older, clients: Self.clients))
        #expect(night(atw) == ["o1"])
        let (_, pregnant) = try planChecked(tinyScenario(sessions: Self.eveningAndNight, staff: "  p1: {level: mbo3, contract_hours: 36, no_night_work: true}",
                                                         clients: Self.clients))
        #expect(night(pregnant).isEmpty)
        #expect(pregnant.uncovered(.staffing).first { $0.ref == "nacht" }?.reason.text.contains("no_night_work") == true)
    }
}
