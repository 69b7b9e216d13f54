import CareDomain
import Planning
import ScenarioFormat
import Testing

/// The oracle's answers across a week boundary (`PeriodRelief`, issue 11).
@Suite("Period relief")
struct PeriodReliefTests {
    @Test("Kept free from a minute on: the availability is cut there, nights across midnight before it stay whole")
    func keptFreeCutsAvailability() throws {
        let yaml = tinyScenario(sessions: "      - {name: nacht, days: [sat, sun], from: \"23:00\", to: \"07:00\"}", staff: """
          s1: {level: mbo3, contract_hours: 16}
          s2: {level: mbo3, contract_hours: 16, available: [{days: mon-sun, from: "08:00", to: "17:00"}]}
        """, clients: clientLines(1, attends: "[sat nacht, sun nacht]"))
        let week = try ScenarioLoader.parse(yaml, file: "free.yaml")
        let sunday23 = 6 * 1440 + 23 * 60
        let kept = PeriodRelief.keptFree(StaffID("s1"), from: sunday23, in: week)
        let saturdayNight = WeekInterval(start: 5 * 1440 + 23 * 60, end: 6 * 1440 + 7 * 60)
        let sundayNight = WeekInterval(start: sunday23, end: 7 * 1440 + 7 * 60)
        #expect(PeriodRelief.isAvailable(StaffID("s1"), during: saturdayNight, in: kept), "the night before the cut stays one stretch")
        #expect(!PeriodRelief.isAvailable(StaffID("s1"), during: sundayNight, in: kept))
        #expect(PeriodRelief.isAvailable(StaffID("s1"), during: sundayNight, in: week))
        // Someone with availability of their own keeps only what lies before the cut.
        let wednesdayNoon = 2 * 1440 + 12 * 60
        let cut = PeriodRelief.keptFree(StaffID("s2"), from: wednesdayNoon, in: week)
        #expect(PeriodRelief.isAvailable(StaffID("s2"), during: WeekInterval(start: 2 * 1440 + 9 * 60, end: wednesdayNoon), in: cut))
        #expect(!PeriodRelief.isAvailable(StaffID("s2"), during: WeekInterval(start: 2 * 1440 + 13 * 60, end: 2 * 1440 + 16 * 60), in: cut))
        #expect(!PeriodRelief.isAvailable(StaffID("s2"), during: WeekInterval(start: 3 * 1440 + 9 * 60, end: 3 * 1440 + 12 * 60), in: cut))
        #expect(!PeriodRelief.isAvailable(StaffID("s2"), during: WeekInterval(start: 1 * 1440 + 7 * 60, end: 1 * 1440 + 12 * 60), in: cut),
                "before the cut, outside their own hours, still not")
    }

    @Test("Who may take a row: a person resting after the history's night may not, without that night they may")
    func mayTakeSeesTheHistory() throws {
        let yaml = tinyScenario(sessions: "      - {name: vroeg, days: mon, from: \"07:00\", to: \"15:00\"}", staff: """
          s1: {level: mbo3, contract_hours: 16}
        """, clients: clientLines(1, attends: "[mon vroeg]"))
        var week = try ScenarioLoader.parse(yaml, file: "take.yaml")
        let row = UncoveredDemand(interval: WeekInterval(start: 7 * 60, end: 15 * 60), activity: .group, location: LocationID("huis"), client: nil,
                                  product: ProductID("dag"), need: .professionals(count: 1, level: QualificationLevel(name: "mbo2", rank: 1)), kind: .staffing, hours: 8,
                                  reason: ShortfallReason(summary: "short"), ref: "vroeg", clientsPresent: [ClientID("c1")])
        let empty = Roster(assignments: [], uncovered: [row])
        #expect(PeriodRelief.mayTake(row, person: StaffID("s1"), in: week, roster: empty))
        week.history.priorWork[StaffID("s1")] = [WeekInterval(start: -60, end: 7 * 60)]   // Sunday's night into Monday
        #expect(!PeriodRelief.mayTake(row, person: StaffID("s1"), in: week, roster: empty))
    }
}
