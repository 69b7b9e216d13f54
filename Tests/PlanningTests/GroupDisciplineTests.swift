import CareDomain
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// A group product's disciplines (`skills`, SCENARIO.md 1.1): every counted professional also
/// holds them; someone without them may be there but does not count towards the ratio.
@Suite("Disciplines of a group product")
struct GroupDisciplineTests {
    func scenario(staff: String) -> String {
        tinyScenario(staff: staff, clients: clientLines(5)).replacingOccurrences(of: "    min_level: mbo2\n", with: "    min_level: mbo2\n    skills: [ggz]\n")
    }

    @Test("Only a professional holding the product's discipline counts: the one with ggz is rostered")
    func holderCounts() throws {
        let (_, outcome) = try planChecked(scenario(staff: "  s1: {level: mbo4, contract_hours: 20}\n  s2: {level: mbo3, contract_hours: 20, skills: [ggz]}"))
        #expect(outcome.roster.assignments.map(\.staff) == [StaffID("s2")])
        #expect(outcome.roster.uncovered.isEmpty)
    }

    @Test("Without a holder the session is short, the reason counts nobody qualified, and the checker counts the same")
    func nobodyHolds() throws {
        let (scenario, outcome) = try planChecked(scenario(staff: "  s1: {level: mbo4, contract_hours: 20}"))
        let short = try #require(outcome.uncovered(.staffing).first)
        #expect(short.reason.text.contains("with ggz"), "\(short.reason.text)")
        #expect(!short.reason.causes.contains { $0.people.contains(StaffID("s1")) })
        // s1 at the session without the discipline leaves it as short as before.
        let present = RosterAssignment(staff: StaffID("s1"), activity: .group, interval: short.interval!, location: LocationID("huis"), area: "1000",
                                       clients: short.clientsPresent, products: [ProductID("dag")], role: .professional, ref: short.ref)
        let rules = RosterChecker(scenario: scenario).check(Roster(assignments: [present], uncovered: [])).map(\.rule)
        #expect(rules.contains("ratio"), "\(rules)")
    }
}
