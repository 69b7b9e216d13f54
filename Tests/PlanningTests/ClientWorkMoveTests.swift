import CareDomain
import Foundation
@testable import Planning
import GLPKSolver
import RosterCheck
import ScenarioFormat
import Testing

/// The planning board's verdict on client work (`ClientWorkMove`), on hand-made weeks whose
/// answers are worked out by hand: an appointment's open role, a visit's rules in the order a
/// planner checks them, and the figures of a visit taken off.
@Suite("A board move's client work")
struct ClientWorkMoveTests {
    static let meeting = ambulatoryScenario(
        staff: """
          gp: {level: wo, skills: [huisarts], contract_hours: 4}
          gp2: {level: wo, skills: [huisarts], contract_hours: 4}
          nurse: {level: hbo, skills: [wijkverpleging, social-work], contract_hours: 32}
          sw: {level: hbo, skills: [social-work], contract_hours: 32}
          sw2: {level: hbo, skills: [social-work], contract_hours: 32}
          kim: {level: mbo4, contract_hours: 32}
          dirk: {level: mbo3, contract_hours: 32}
          h1: {level: hbo, contract_hours: 36, available: [{days: [sat], from: "09:00", to: "17:00"}]}
        """,
        clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 2, minutes: 60}, max_distinct_staff: 1}",
        extra: """
        appointments:
          mdo:
            minutes: 60
            window: {days: tue, from: "13:00", to: "17:00"}
            roles: [{skills: [huisarts]}, {skills: [wijkverpleging]}, {skills: [social-work]}]
        """)

    func staff(_ ids: String..., in scenario: Scenario) -> [Staff] { ids.compactMap { scenario.staff[StaffID($0)] } }

    @Test("An appointment seat: the open role is the one the others leave; the nurse fits beside the GP and a social worker, a second social worker does not")
    func openRole() throws {
        let scenario = try ScenarioLoader.parse(Self.meeting, file: "tiny.yaml")
        let mdo = try #require(scenario.appointments["mdo"])
        let nurse = try #require(scenario.staff[StaffID("nurse")]), sw2 = try #require(scenario.staff[StaffID("sw2")]), gp2 = try #require(scenario.staff[StaffID("gp2")])
        #expect(ClientWorkMove.roleRule(nurse, at: mdo, besides: staff("gp", "sw", in: scenario)) == nil)
        // Beside the GP and the social worker only district nursing is open: sw2 lacks it.
        #expect(ClientWorkMove.roleRule(sw2, at: mdo, besides: staff("gp", "sw", in: scenario)) == .lacksSkills(["wijkverpleging"]))
        // Beside the GP and the nurse (who may take either of two roles) a social worker fits; a second GP does not.
        #expect(ClientWorkMove.roleRule(sw2, at: mdo, besides: staff("gp", "nurse", in: scenario)) == nil)
        #expect(ClientWorkMove.roleRule(gp2, at: mdo, besides: staff("gp", "nurse", in: scenario)) == .lacksSkills(["wijkverpleging"]))
        // Three seated: no seat is left.
        #expect(ClientWorkMove.roleRule(sw2, at: mdo, besides: staff("gp", "nurse", "sw", in: scenario)) == .appointmentRoles)
        #expect(ClientWorkMove.seatable(staff("gp", "sw", "nurse", in: scenario), in: mdo))
        #expect(!ClientWorkMove.seatable(staff("gp", "sw", "sw2", in: scenario), in: mdo))
    }

    @Test("A visit: below the level first, then off the grid, outside office hours, a second face where one is allowed; a row made for an open visit")
    func visitRules() throws {
        let scenario = try ScenarioLoader.parse(Self.meeting, file: "tiny.yaml")
        let monday10 = 10 * 60
        func visit(_ who: String, at start: Int) throws -> RosterAssignment {
            try #require(ClientWorkMove.row(for: StaffID(who), activity: .visit, client: ClientID("c1"), appointment: nil, start: start,
                                            on: Roster(assignments: [], uncovered: []), in: scenario))
        }
        let first = try visit("kim", at: monday10)
        #expect(first.ref == "c1#1" && first.interval.minutes == 60 && first.area == "1000")
        let person = { (id: String) in scenario.staff[StaffID(id)]! }
        let judge = { (row: RosterAssignment, others: [RosterAssignment]) in
            ClientWorkMove.clientRule(row, person: person(row.staff.rawValue), same: others + [row], responsible: nil, scenario: scenario)
        }
        #expect(judge(try visit("dirk", at: monday10), []) == .belowLevel(try #require(scenario.products[ProductID("thuis")]).minLevel))
        #expect(judge(try visit("kim", at: monday10 + 7), []) == .offTimeGrid(scenario.timeStepMinutes))
        #expect(judge(try visit("kim", at: 17 * 60), []) == .outsideClientHours, "17:00–18:00 is after office hours")
        #expect(judge(first, []) == nil)
        // Tuesday by someone else while Kim has Monday's: max_distinct_staff 1.
        #expect(judge(try visit("nurse", at: 1440 + monday10), [first]) == .maxDistinctStaff(1))
        #expect(judge(try visit("kim", at: 1440 + monday10), [first]) == nil)
        // A third visit where two are asked.
        #expect(judge(try visit("kim", at: 2 * 1440 + monday10), [first, try visit("kim", at: 1440 + monday10)]) == .moreVisitsThanAsked(2))
    }
}

@Suite("Pinned client work")
struct PinnedVisitTests {
    @Test("A pinned visit stays on a day the model fills with the same person's other visits (it was dropped when the day was sequenced without it)")
    func pinnedVisitKept() throws {
        let yaml = ambulatoryScenario(
            staff: """
              s1: {level: mbo4, contract_hours: 32, available: [{days: [tue], from: "09:00", to: "17:00"}]}
              h1: {level: hbo, contract_hours: 36, available: [{days: [sat], from: "09:00", to: "17:00"}]}
            """,
            clients: (1...4).map { "  c\($0): {product: thuis, area: \"1000\", visits: {count: 1, minutes: 60}, available: [{days: [tue], from: \"09:00\", to: \"17:00\"}]}" }
                .joined(separator: "\n"))
        let scenario = try ScenarioLoader.parse(yaml, file: "tiny.yaml")
        let tuesday13 = 1440 + 13 * 60
        let pin = RosterAssignment(staff: StaffID("s1"), activity: .visit, interval: WeekInterval(start: tuesday13, end: tuesday13 + 60), location: nil,
                                   area: "1000", clients: [ClientID("c1")], products: [ProductID("thuis")], role: .professional, ref: "c1#1")
        var options = PlanningOptions(timeLimitSeconds: 20, relativeGap: 0)
        options.pinned = Roster(assignments: [pin], uncovered: [])
        let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
        #expect(outcome.roster.assignments.contains(pin), "\(outcome.roster.assignments)")
        #expect(outcome.roster.assignments.filter { $0.activity == .visit }.count == 4, "every client visited on Tuesday")
        let violations = RosterChecker(scenario: scenario).check(outcome.roster)
        #expect(violations.isEmpty, "\(violations)")
    }

    @Test("Zorg Dichtbij with two visits pinned (a13 on Monday, a02 on Tuesday where Carla has other visits): both kept, every visit placed, the checker passes")
    func pinnedVisitsOfTheExample() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let scenario = try ScenarioLoader.load(path: root.appendingPathComponent("scenarios/groep-en-ambulant-zorg-dichtbij.yaml").path)
        func visit(_ staff: String, _ client: String, day: Int, at clock: String, area: String) -> RosterAssignment {
            let start = day * 1440 + ClockTime.minutes(clock)!
            return RosterAssignment(staff: StaffID(staff), activity: .visit, interval: WeekInterval(start: start, end: start + 60), location: nil, area: area,
                                    clients: [ClientID(client)], products: [ProductID("ambulant-1b")], role: .professional, ref: "\(client)#1")
        }
        let pins = [visit("m02", "a13", day: 0, at: "14:00", area: "7902"), visit("m03", "a02", day: 1, at: "12:45", area: "7903")]
        var options = PlanningOptions(timeLimitSeconds: 5, relativeGap: 0.01)
        options.pinned = Roster(assignments: pins, uncovered: [])
        let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: options)
        for pin in pins { #expect(outcome.roster.assignments.contains(pin), "\(pin.ref) kept") }
        let violations = RosterChecker(scenario: scenario).check(outcome.roster)
        #expect(violations.isEmpty, "\(violations)")
    }
}
