import CareDomain
import Foundation
import Planning
import RosterCheck
import ScenarioFormat
import Testing
import ZorgroosterRun

/// A period across its week boundary (issue 11): the week before is planned again when its last
/// days kept someone resting who alone could work early in the next week.
@Suite("A period across its week boundaries")
struct PeriodBoundaryTests {
    /// Two weeks at one house: a Monday late shift, nights Friday to Sunday. s1 is cheap and has
    /// the hours for all of it; s2 works only at the weekend (and `s2Sunday` says whether
    /// Sunday's night too), never on Monday afternoon.
    static func scenario(late: String = "15:00", s2Sunday: Bool = true) throws -> Scenario {
        let sunday = s2Sunday ? "{days: sun, from: \"00:00\", to: \"24:00\"}" : "{days: sun, from: \"00:00\", to: \"08:00\"}"
        return try twoWeeks(sessions: """
              - {name: laat, days: mon, from: "\(late)", to: "23:00"}
              - {name: nacht, days: [fri, sat, sun], from: "23:00", to: "07:00"}
        """, staff: """
          s1: {level: mbo3, contract_hours: 34, max_hours: 34, hourly_cost: 30}
          s2: {level: mbo3, contract_hours: 16, max_hours: 24, hourly_cost: 45,
               available: [{days: fri-sat, from: "00:00", to: "24:00"}, \(sunday), {days: mon, from: "00:00", to: "08:00"}]}
        """, attends: "[mon laat, fri nacht, sat nacht, sun nacht]")
    }

    /// Two weeks of one house (product `dag` at 1:5, one client c1 attending `attends`).
    static func twoWeeks(sessions: String, staff: String, attends: String, extra: String = "") throws -> Scenario {
        let yaml = """
        version: 1
        name: boundary
        week: 2026-W12
        weeks: 2
        products:
          dag: {setting: group, ratio: 5, min_level: mbo2}
        locations:
          huis:
            area: "1000"
            sessions:
        \(sessions)
        staff:
        \(staff)
        clients:
          c1: {product: dag, location: huis, attends: \(attends)}
        \(extra)
        """
        return try ScenarioLoader.parse(yaml, file: "boundary.yaml")
    }

    /// Every week checked with the weeks before as history and the weeks after for maximality.
    func periodViolations(_ weeks: [PlannedWeek], of period: Scenario) -> [Violation] {
        let rosters = weeks.map(\.outcome.roster)
        return rosters.indices.flatMap { index in
            RosterChecker(scenario: PlanningPeriod.week(index, of: period, after: Array(rosters[..<index])))
                .check(rosters[index], later: LaterWeeks(period: period, index: index, earlier: Array(rosters[..<index]),
                                                         later: Array(rosters[(index + 1)...])))
        }
    }

    @Test("Three nights at the end of week one would leave week two's Monday late uncovered: s2 takes two of them and s1 the Monday")
    func nightsGiveWay() throws {
        let period = try Self.scenario()
        let weeks = try planPeriod(period, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(weeks.allSatisfy { $0.outcome.roster.uncovered.isEmpty }, "\(weeks.map(\.outcome.roster.uncovered))")
        let secondMonday = weeks[1].outcome.roster.assignments.filter { $0.ref == "laat" }.map(\.staff)
        #expect(secondMonday == [StaffID("s1")])
        // s1 works no three nights in a row into that Monday.
        let lastNights = weeks[0].outcome.roster.assignments.filter { $0.ref == "nacht" && $0.staff == StaffID("s1") }
        #expect(lastNights.count < 3)
        #expect(periodViolations(weeks, of: period).isEmpty)
    }

    @Test("When the freed night stays uncovered, its reason is the rest before next week's work, not an absence")
    func freedNightHasItsTrueReason() throws {
        // A 10-h Monday against an 8-h night that s2 cannot work: fewer hours short in all.
        let period = try Self.scenario(late: "13:00", s2Sunday: false)
        let weeks = try planPeriod(period, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(weeks[1].outcome.roster.uncovered.isEmpty)
        let night = try #require(weeks[0].outcome.roster.uncovered.first { $0.ref == "nacht" })
        #expect(night.reason.causes.contains { $0.people == [StaffID("s1")] && $0.violation == .restBeforeLaterWork("2026-03-23 13:00") }, "\(night.reason.text)")
        #expect(!night.reason.text.contains("absent"))
        #expect(periodViolations(weeks, of: period).isEmpty)
    }

    @Test("One weekend in four worked: week one's weekend goes to s2, who is away the next, so that s1 may work that one")
    func weekendsGiveWay() throws {
        let period = try Self.twoWeeks(sessions: """
              - {name: dag, days: [sat, sun], from: "09:00", to: "17:00"}
        """, staff: """
          s1: {level: mbo3, contract_hours: 16, hourly_cost: 30}
          s2: {level: mbo3, contract_hours: 16, hourly_cost: 45, absent: [2026-03-28, 2026-03-29]}
        """, attends: "[sat dag, sun dag]", extra: "labour_rules: {max_weekends_worked: 1}")
        let weeks = try planPeriod(period, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        #expect(weeks.allSatisfy { $0.outcome.roster.uncovered.isEmpty }, "\(weeks.map(\.outcome.roster.uncovered))")
        #expect(Set(weeks[0].outcome.roster.assignments.map(\.staff)) == [StaffID("s2")])
        #expect(Set(weeks[1].outcome.roster.assignments.map(\.staff)) == [StaffID("s1")])
        #expect(periodViolations(weeks, of: period).isEmpty)
    }

    @Test("The checker's maximality asks the later weeks: a person left free on Sunday night for Monday's work is not free")
    func maximalityAsksLaterWeeks() throws {
        let period = try Self.scenario(late: "13:00", s2Sunday: false)
        let weeks = try planPeriod(period, options: PlanningOptions(timeLimitSeconds: 20, relativeGap: 0))
        let rosters = weeks.map(\.outcome.roster)
        let first = PlanningPeriod.week(0, of: period, after: [])
        // Without the week after, s1 could have come on Sunday night: not maximal.
        #expect(RosterChecker(scenario: first).check(rosters[0]).contains { $0.rule == "maximal" && $0.message.contains("s1") })
        #expect(RosterChecker(scenario: first).check(rosters[0], later: LaterWeeks(period: period, index: 0, earlier: [], later: [rosters[1]])).isEmpty)
    }
}
