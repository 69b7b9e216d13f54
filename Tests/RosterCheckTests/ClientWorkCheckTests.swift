import CareDomain
import RosterCheck
import ScenarioFormat
import Testing

/// The checker fed visit, appointment and responsibility rows broken on purpose.
@Suite("Checker: visits, appointments, responsibility")
struct ClientWorkCheckTests {
    static let yaml = """
    version: 1
    week: 2026-W12
    products:
      thuis: {setting: ambulatory, min_level: mbo4, responsible_level: hbo, coordination_minutes: 60,
              office_hours: {days: mon-fri, from: "08:30", to: "17:00"}}
    locations: {}
    travel: {default_minutes: 30}
    staff:
      s1: {level: mbo4, contract_hours: 3, home_area: "A", available: [{days: mon-fri, from: "09:00", to: "17:00"}]}
      s2: {level: mbo3, contract_hours: 36}
      s3: {level: mbo4, contract_hours: 36}
      h1: {level: hbo, skills: [social-work], contract_hours: 36, max_caseload: 1}
      gp: {level: wo, skills: [huisarts], contract_hours: 4}
    clients:
      c1: {product: thuis, area: "B", visits: {count: 2, minutes: 60}, max_distinct_staff: 1}
    appointments:
      mdo:
        minutes: 60
        window: {days: [tue], from: "13:00", to: "17:00"}
        roles: [{skills: [huisarts]}, {skills: [social-work]}]
    """

    let scenario = try! ScenarioLoader.parse(yaml, file: "visits.yaml")

    func visit(_ staff: String, day: Int, from: Int, minutes: Int = 60, ref: String, area: String = "B") -> RosterAssignment {
        RosterAssignment(staff: StaffID(staff), activity: .visit, interval: WeekInterval(start: day * 1440 + from, end: day * 1440 + from + minutes),
                         location: nil, area: area, clients: [ClientID("c1")], products: [ProductID("thuis")], role: .professional, ref: ref)
    }

    func meeting(_ staff: String, from: Int = 13 * 60) -> RosterAssignment {
        RosterAssignment(staff: StaffID(staff), activity: .appointment, interval: WeekInterval(start: 1440 + from, end: 1440 + from + 60),
                         location: nil, area: nil, clients: [], products: [], role: .professional, ref: "mdo")
    }

    let responsible = [Responsibility(client: ClientID("c1"), staff: StaffID("h1"), coordinationMinutes: 60)]

    func rules(_ assignments: [RosterAssignment], responsibilities: [Responsibility]? = nil) -> Set<String> {
        Set(RosterChecker(scenario: scenario).check(Roster(assignments: assignments, uncovered: [], responsibilities: responsibilities ?? responsible)).map(\.rule))
    }

    var sound: [RosterAssignment] {
        [visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]
    }

    @Test("A sound roster passes")
    func soundRoster() {
        #expect(rules(sound).isEmpty)
    }

    @Test("A visit outside office hours, off the grid, or too short is found")
    func visitTimes() {
        #expect(rules([visit("s3", day: 0, from: 17 * 60, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("client hours"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60 + 5, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("time step"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60, minutes: 45, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("length"))
    }

    @Test("Too low a level, a second face, two visits a day, a missing visit are found")
    func visitRules() {
        #expect(rules([visit("s2", day: 0, from: 10 * 60, ref: "c1#1"), visit("s2", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("visit level"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), visit("h1", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("max distinct staff"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), visit("s3", day: 0, from: 12 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("visits a day"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), meeting("gp"), meeting("h1")]).contains("visits"))
    }

    @Test("Travel from home inside the available time is checked")
    func homeTravel() {
        #expect(rules([visit("s1", day: 0, from: 9 * 60, ref: "c1#1"), visit("s1", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("travel from home"))
        #expect(!rules([visit("s1", day: 0, from: 9 * 60 + 30, ref: "c1#1"), visit("s1", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]).contains("travel from home"))
    }

    @Test("An appointment with one person missing, or at two times, is found")
    func appointments() {
        #expect(rules([visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp")]).contains("appointment roles"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1", from: 14 * 60)]).contains("appointment"))
        #expect(rules([visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), visit("s3", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("s3")]).contains("appointment roles"))
    }

    @Test("Responsibility below the level, missing, or coordination beyond the hours is found")
    func responsibility() {
        #expect(rules(sound, responsibilities: [Responsibility(client: ClientID("c1"), staff: StaffID("s3"), coordinationMinutes: 60)]).contains("responsible level"))
        #expect(rules(sound, responsibilities: []).contains("responsibility"))
        // s1 may work 3 hours: two visits and an hour of coordination fit, two hours do not.
        let s1Visits = [visit("s1", day: 0, from: 10 * 60, ref: "c1#1"), visit("s1", day: 2, from: 10 * 60, ref: "c1#2"), meeting("gp"), meeting("h1")]
        #expect(!rules(s1Visits, responsibilities: [Responsibility(client: ClientID("c1"), staff: StaffID("s1"), coordinationMinutes: 60)]).contains("max hours"))
        #expect(rules(s1Visits, responsibilities: [Responsibility(client: ClientID("c1"), staff: StaffID("s1"), coordinationMinutes: 120)]).contains("max hours"))
    }
}

@Suite("Checker: maximal visits")
struct VisitMaximalityTests {
    func uncoveredVisit() -> UncoveredDemand {
        UncoveredDemand(interval: nil, activity: .visit, location: nil, client: ClientID("c1"), product: ProductID("thuis"),
                        need: .visit(client: ClientID("c1"), number: 2, minutes: 60, level: "mbo4", skills: []), kind: .visit, hours: 1,
                        reason: ShortfallReason(summary: "test"), ref: "c1#2", clientsPresent: [])
    }

    func rules(_ yaml: String) throws -> Set<String> {
        let scenario = try ScenarioLoader.parse(yaml, file: "visits.yaml")
        let checks = ClientWorkCheckTests()
        let roster = Roster(assignments: [checks.visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), checks.meeting("gp"), checks.meeting("h1")],
                            uncovered: [uncoveredVisit()], responsibilities: checks.responsible)
        return Set(RosterChecker(scenario: scenario).check(roster).map(\.rule))
    }

    @Test("An uncovered visit that the client's own visitor could make on another day is not maximal")
    func notMaximal() throws {
        #expect(try rules(ClientWorkCheckTests.yaml) == ["maximal"])
    }

    @Test("An uncovered visit no one may make (the one visitor allowed is at max_hours) passes")
    func forced() throws {
        let yaml = ClientWorkCheckTests.yaml.replacingOccurrences(of: "s3: {level: mbo4, contract_hours: 36}", with: "s3: {level: mbo4, contract_hours: 1, max_hours: 1}")
        #expect(try rules(yaml).isEmpty)
    }
}

@Suite("Checker: maximal responsibility and evaluations")
struct ResponsibilityMaximalityTests {
    let checks = ClientWorkCheckTests()

    func uncovered(_ kind: UncoveredKind) -> UncoveredDemand {
        let need: ShortfallNeed = kind == .responsible ? .responsible(QualificationLevel(name: "hbo", rank: 4)) : .evaluation(client: ClientID("c1"), minutes: 60)
        return UncoveredDemand(interval: nil, activity: kind == .responsible ? .coordination : .evaluation, location: nil, client: ClientID("c1"),
                               product: ProductID("thuis"), need: need, kind: kind, hours: 1, reason: ShortfallReason(summary: "test"),
                               ref: kind == .responsible ? "c1#responsible" : "c1#evaluation", clientsPresent: [])
    }

    func rules(_ yaml: String, _ kind: UncoveredKind) throws -> Set<String> {
        let scenario = try ScenarioLoader.parse(yaml, file: "visits.yaml")
        let visits = [checks.visit("s3", day: 0, from: 10 * 60, ref: "c1#1"), checks.visit("s3", day: 2, from: 10 * 60, ref: "c1#2"),
                      checks.meeting("gp"), checks.meeting("h1")]
        let roster = Roster(assignments: visits, uncovered: [uncovered(kind)], responsibilities: kind == .responsible ? [] : checks.responsible)
        return Set(RosterChecker(scenario: scenario).check(roster).map(\.rule))
    }

    @Test("An uncovered responsibility that h1 (caseload 0 of 1, hours to spare) could take is not maximal; at max_caseload 0 it passes")
    func responsibility() throws {
        #expect(try rules(ClientWorkCheckTests.yaml, .responsible) == ["maximal"])
        let full = ClientWorkCheckTests.yaml.replacingOccurrences(of: "max_caseload: 1", with: "max_caseload: 0")
            .replacingOccurrences(of: "gp: {level: wo, skills: [huisarts], contract_hours: 4}", with: "gp: {level: wo, skills: [huisarts], contract_hours: 1}")
        #expect(try rules(full, .responsible).isEmpty)
    }

    @Test("An uncovered evaluation its responsible professional could hold is not maximal; with no hours left it passes")
    func evaluation() throws {
        let due = ClientWorkCheckTests.yaml.replacingOccurrences(of: "coordination_minutes: 60,", with: "coordination_minutes: 60, evaluation_months: 6,")
            .replacingOccurrences(of: "max_distinct_staff: 1}", with: "max_distinct_staff: 1, last_evaluation: 2025-06-01}")
        #expect(try rules(due, .evaluation) == ["maximal"])
        let busy = due.replacingOccurrences(of: "h1: {level: hbo, skills: [social-work], contract_hours: 36,", with: "h1: {level: hbo, skills: [social-work], contract_hours: 2,")
        #expect(try rules(busy, .evaluation).isEmpty)
    }
}
