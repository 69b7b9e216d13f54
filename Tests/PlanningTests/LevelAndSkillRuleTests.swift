import CareDomain
import ScenarioFormat
@testable import Planning
import RosterCheck
import Testing

@Suite("Lead level and client needs")
struct LevelAndSkillRuleTests {
    @Test("Every session has someone of the lead level, or reports the missing lead")
    func leadLevel() throws {
        let staff = "  s1: {level: mbo2, contract_hours: 10}\n  s2: {level: mbo4, contract_hours: 10}"
        let (scenario, outcome) = try planChecked(tinyScenario(lead: "mbo4", staff: staff, clients: clientLines(3)))
        #expect(outcome.workers(on: .mon, "ochtend", in: scenario).contains("s2"))
        let noLead = "  s1: {level: mbo2, contract_hours: 10}\n  s2: {level: mbo3, contract_hours: 10}"
        let (_, short) = try planChecked(tinyScenario(lead: "mbo4", staff: noLead, clients: clientLines(3)))
        #expect(short.uncovered(.lead).count == 1)
        #expect(short.uncovered(.lead).first?.reason.text.contains("nobody on the staff") == true)
    }

    @Test("A client's need is met by a counted professional with that skill")
    func skillNeed() throws {
        let staff = """
          s1: {level: mbo4, contract_hours: 3.5}
          s2: {level: mbo2, skills: [verzorging], contract_hours: 3.5}
          v1: {volunteer: true, skills: [verzorging], contract_hours: 3.5}
        """
        let (scenario, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(2, needs: "[verzorging]")))
        #expect(outcome.workers(on: .mon, "ochtend", in: scenario).contains("s2"))
        #expect(outcome.roster.uncovered.isEmpty)
    }

    @Test("A volunteer's skill does not meet a client's need")
    func volunteerSkillDoesNotCount() throws {
        let staff = "  s1: {level: mbo4, contract_hours: 3.5}\n  v1: {volunteer: true, skills: [verzorging], contract_hours: 3.5}"
        let (_, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(2, needs: "[verzorging]")))
        #expect(outcome.uncovered(.skill).count == 1)
        #expect(outcome.uncovered(.skill).first?.need == .skill("verzorging"))
    }

    @Test("SCENARIO.md 1.2: an MBO-2 with verzorging meets the need in a house whose counted level is MBO-3")
    func uncountedProfessionalMeetsNeed() throws {
        let staff = """
          s1: {level: mbo3, contract_hours: 3.5}
          s2: {level: mbo2, skills: [verzorging], contract_hours: 3.5}
        """
        let (scenario, outcome) = try planChecked(tinyScenario(minLevel: "mbo3", staff: staff, clients: clientLines(4, needs: "[verzorging]")))
        #expect(outcome.workers(on: .mon, "ochtend", in: scenario) == ["s1", "s2"])
        #expect(outcome.roster.uncovered.isEmpty)
        // The checker agrees: the MBO-2 meets it, and reporting it missing would be false.
        var reported = outcome.roster
        reported.assignments.removeAll { $0.staff.rawValue == "s2" }
        let violations = RosterChecker(scenario: scenario).check(reported)
        #expect(violations.contains { $0.rule == "client needs" })
    }
}

/// The board's "+1" (issue "A roster a planner can publish", item 4): only for someone who meets
/// no need there; the one who brings a client's skill is named for it.
@Suite("Surplus on the board")
struct SurplusBadgeTests {
    @Test("Two rostered where the ratio asks one: one is the lead, the other the only medicatie, so no +1; a third is +1")
    func neededSkillIsNoSurplus() throws {
        let staff = "  s1: {level: mbo4, contract_hours: 10}\n  s2: {level: mbo3, skills: [medicatie], contract_hours: 10}\n  s3: {level: mbo3, contract_hours: 10}"
        let scenario = try ScenarioLoader.parse(tinyScenario(lead: "mbo4", staff: staff, clients: clientLines(3, needs: "[medicatie]")), file: "s.yaml")
        func row(_ id: String) -> RosterAssignment {
            RosterAssignment(staff: StaffID(id), activity: .group, interval: WeekInterval(start: 540, end: 750), location: LocationID("huis"),
                             area: "1000", clients: (1...3).map { ClientID("c\($0)") }, products: [ProductID("dag")], role: .professional, ref: "ochtend")
        }
        let demands = SessionDemand.build(for: scenario)
        let needed = try #require(SessionStaffing.of(Roster(assignments: [row("s1"), row("s2")], uncovered: []), demands: demands, scenario: scenario).first)
        #expect(needed.requiredProfessionals == 1 && needed.rosteredProfessionals == 2)
        #expect(needed.surplus == 0 && needed.brings[StaffID("s2")] == "medicatie" && needed.brings[StaffID("s1")] == nil && needed.bringsLead == [StaffID("s1")])
        let extra = try #require(SessionStaffing.of(Roster(assignments: [row("s1"), row("s2"), row("s3")], uncovered: []), demands: demands, scenario: scenario).first)
        #expect(extra.surplus == 1)
    }
}
