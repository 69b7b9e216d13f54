import CareDomain
@testable import Planning
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
