import CareDomain
import Planning
import RosterCheck
import Testing

/// Product disciplines (`skills`, `responsible_skills`, SCENARIO.md 1.1): levels alone do not qualify.
@Suite("Product disciplines")
struct ProductDisciplineTests {
    static let yaml = ambulatoryScenario(
        staff: """
          gp: {level: wo, contract_hours: 36}
          m1: {level: mbo4, contract_hours: 36, skills: [social-work]}
          h1: {level: hbo, contract_hours: 36, skills: [social-work]}
        """,
        clients: """
          c1: {product: thuis, area: "1000", visits: {count: 2, minutes: 60}}
          c2: {product: thuis, area: "1000", visits: {count: 2, minutes: 60}}
        """,
        product: "    skills: [social-work]\n    responsible_skills: [social-work]\n    max_trajectory_months: 12")

    @Test("A GP (wo, no social work) neither visits nor holds responsibility; the social workers do")
    func gpNotSocialWorker() throws {
        let (scenario, outcome) = try planChecked(Self.yaml)
        #expect(scenario.products[ProductID("thuis")]?.maxTrajectoryMonths == 12)
        #expect(outcome.roster.uncovered.isEmpty, "\(outcome.roster.uncovered.map(\.reason.text))")
        #expect(!outcome.roster.assignments.contains { $0.staff == StaffID("gp") })
        #expect(Set(outcome.roster.responsibilities.map(\.staff)) == [StaffID("h1")])
        // The checker refuses the GP at a visit and as responsible.
        var assignments = outcome.roster.assignments
        let visit = try #require(assignments.firstIndex { $0.activity == .visit })
        let old = assignments[visit]
        assignments[visit] = RosterAssignment(staff: StaffID("gp"), activity: old.activity, interval: old.interval, location: old.location, area: old.area,
                                              clients: old.clients, products: old.products, role: old.role, ref: old.ref)
        let responsibilities = outcome.roster.responsibilities.map { Responsibility(client: $0.client, staff: StaffID("gp"), coordinationMinutes: $0.coordinationMinutes) }
        let rules = Set(RosterChecker(scenario: scenario).check(Roster(assignments: assignments, uncovered: [], responsibilities: responsibilities)).map(\.rule))
        #expect(rules.contains("client needs"), "\(rules)")
        #expect(rules.contains("responsible skills"), "\(rules)")
    }
}
