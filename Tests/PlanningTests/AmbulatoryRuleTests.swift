import CareDomain
import Planning
import Testing

/// A tiny ambulatory scenario: product `thuis` (mbo4 visits, HBO responsibility, office hours
/// mon-fri 08:30-17:00), with the given staff, clients and extra sections.
func ambulatoryScenario(staff: String, clients: String, extra: String = "", product: String = "") -> String {
    """
    version: 1
    name: tiny ambulant
    week: 2026-W12
    products:
      thuis:
        setting: ambulatory
        min_level: mbo4
        responsible_level: hbo
        office_hours: {days: mon-fri, from: "08:30", to: "17:00"}
    \(product)
    locations: {}
    staff:
    \(staff)
    clients:
    \(clients)
    \(extra)
    """
}

@Suite("Ambulatory visits, travel, continuity, responsibility, appointments")
struct AmbulatoryRuleTests {
    /// The responsible professional, away on weekdays so that only the others visit.
    static let boss = "  h1: {level: hbo, contract_hours: 36, available: [{days: [sat], from: \"09:00\", to: \"17:00\"}]}"

    @Test("A visit that only fits outside office hours is uncovered, with that reason")
    func outsideOfficeHours() throws {
        let yaml = ambulatoryScenario(
            staff: "  s1: {level: mbo4, contract_hours: 36}\n" + Self.boss,
            clients: """
              c1: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, available: [{days: mon-fri, from: "18:00", to: "21:00"}]}
              c2: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, available: [{days: mon-fri, from: "16:30", to: "20:00"}]}
            """)
        let (_, outcome) = try planChecked(yaml)
        let missing = outcome.uncovered(.visit)
        #expect(missing.map(\.client?.rawValue) == ["c1", "c2"])
        #expect(missing.allSatisfy { $0.reason.text.contains("office hours") })
        #expect(outcome.roster.assignments.filter { $0.activity == .visit }.isEmpty)
    }

    @Test("Two visits 30 minutes of travel apart cannot be 15 minutes apart")
    func travelBetweenVisits() throws {
        func scenario(travel: Int) -> String {
            ambulatoryScenario(
                staff: "  s1: {level: mbo4, contract_hours: 36}\n" + Self.boss,
                clients: """
                  c1: {product: thuis, area: "A", visits: {count: 1, minutes: 60}, available: [{days: [mon], from: "09:00", to: "10:00"}]}
                  c2: {product: thuis, area: "B", visits: {count: 1, minutes: 60}, available: [{days: [mon], from: "10:15", to: "11:15"}]}
                """,
                extra: "travel: {default_minutes: \(travel)}")
        }
        let (_, far) = try planChecked(scenario(travel: 30))
        #expect(far.roster.assignments.filter { $0.activity == .visit }.count == 1)
        #expect(far.uncovered(.visit).count == 1)
        let (_, near) = try planChecked(scenario(travel: 15))
        #expect(near.roster.assignments.filter { $0.activity == .visit }.count == 2)
    }

    @Test("max_distinct_staff: 1 keeps one face, even if a visit stays uncovered")
    func oneFace() throws {
        func scenario(limit: String) -> String {
            ambulatoryScenario(
                staff: """
                  s1: {level: mbo4, contract_hours: 2}
                  s2: {level: mbo4, contract_hours: 2}
                """ + "\n" + Self.boss,
                clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 3, minutes: 60}\(limit)}")
        }
        let (_, limited) = try planChecked(scenario(limit: ", max_distinct_staff: 1"))
        let visits = limited.roster.assignments.filter { $0.activity == .visit }
        #expect(Set(visits.map(\.staff)).count == 1)
        #expect(visits.count == 2)
        #expect(limited.uncovered(.visit).count == 1)
        let (_, free) = try planChecked(scenario(limit: ""))
        #expect(free.roster.assignments.filter { $0.activity == .visit }.count == 3)
    }

    @Test("At most one visit a day unless max_per_day says more")
    func onePerDay() throws {
        func scenario(_ perDay: String) -> String {
            ambulatoryScenario(staff: "  s1: {level: mbo4, contract_hours: 36}\n" + Self.boss,
                               clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 2, minutes: 60\(perDay)}, available: [{days: [wed], from: \"09:00\", to: \"17:00\"}]}")
        }
        let (_, once) = try planChecked(scenario(""))
        #expect(once.roster.assignments.filter { $0.activity == .visit }.count == 1)
        let (_, twice) = try planChecked(scenario(", max_per_day: 2"))
        #expect(twice.roster.assignments.filter { $0.activity == .visit }.count == 2)
    }

    @Test("An MDO needs three distinct people at one time")
    func multidisciplinaryMeeting() throws {
        func scenario(socialWorker: Bool) -> String {
            ambulatoryScenario(
                staff: """
                  gp: {level: wo, skills: [huisarts], contract_hours: 4, available: [{days: [tue], from: "13:00", to: "17:00"}]}
                  nurse: {level: hbo, skills: [wijkverpleging, social-work], contract_hours: 32, available: [{days: [tue], from: "14:00", to: "17:00"}]}
                """ + (socialWorker ? "\n  sw: {level: hbo, skills: [social-work], contract_hours: 32, available: [{days: [tue], from: \"15:00\", to: \"17:00\"}]}" : ""),
                clients: "  c1: {product: thuis, area: \"1000\", visits: {count: 0, minutes: 60}}",
                extra: """
                appointments:
                  mdo:
                    minutes: 60
                    window: {days: mon-fri, from: "09:00", to: "17:00"}
                    roles: [{skills: [huisarts]}, {skills: [wijkverpleging]}, {skills: [social-work]}]
                """)
        }
        let (_, short) = try planChecked(scenario(socialWorker: false))
        #expect(short.roster.assignments.filter { $0.activity == .appointment }.isEmpty)
        #expect(short.uncovered(.appointment).count == 1)
        let (_, full) = try planChecked(scenario(socialWorker: true))
        let seats = full.roster.assignments.filter { $0.activity == .appointment }
        #expect(Set(seats.map(\.staff.rawValue)) == ["gp", "nurse", "sw"])
        #expect(Set(seats.map(\.interval)).count == 1)
        #expect(seats.first.map { $0.interval.start % 1440 } == 15 * 60)
    }

    @Test("Responsibility: within max_caseload, coordination counted in hours, due evaluation by the responsible")
    func responsibilityAndEvaluation() throws {
        let yaml = ambulatoryScenario(
            staff: """
              s1: {level: mbo4, contract_hours: 36}
              h1: {level: hbo, contract_hours: 2, max_caseload: 1}
              h2: {level: hbo, contract_hours: 36, max_caseload: 5}
            """,
            clients: """
              c1: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, last_evaluation: 2025-01-10}
              c2: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, responsible: h1}
              c3: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, last_evaluation: 2026-02-01}
            """,
            product: "    coordination_minutes: 90\n    evaluation_months: 6")
        let (_, outcome) = try planChecked(yaml)
        let responsible = Dictionary(uniqueKeysWithValues: outcome.roster.responsibilities.map { ($0.client.rawValue, $0.staff.rawValue) })
        #expect(responsible == ["c1": "h2", "c2": "h1", "c3": "h2"])
        let evaluations = outcome.roster.assignments.filter { $0.activity == .evaluation }
        #expect(evaluations.map(\.staff.rawValue) == ["h2"])
        #expect(evaluations.map(\.clients) == [[ClientID("c1")]])
        // h1's 2 hours hold 1.5 h of coordination: no 60-minute visit fits beside it.
        #expect(!outcome.roster.assignments.contains { $0.staff.rawValue == "h1" })
    }

    @Test("A person runs the group in the morning and visits in the afternoon, with travel from the location")
    func groupThenVisit() throws {
        let yaml = """
        version: 1
        week: 2026-W12
        products:
          dag: {setting: group, ratio: 5, min_level: mbo2}
          thuis: {setting: ambulatory, min_level: mbo4, office_hours: {days: mon-fri, from: "08:30", to: "17:00"}}
        locations:
          huis: {area: "1000", sessions: [{name: ochtend, days: [mon], from: "09:00", to: "12:30"}]}
        travel: {default_minutes: 45}
        staff:
          s1: {level: mbo4, contract_hours: 36}
        clients:
          g1: {product: dag, location: huis, attends: [mon ochtend]}
          c1: {product: thuis, area: "2000", visits: {count: 1, minutes: 60}, available: [{days: [mon], from: "12:30", to: "14:30"}]}
        """
        let (_, outcome) = try planChecked(yaml)
        let visit = try #require(outcome.roster.assignments.first { $0.activity == .visit })
        #expect(outcome.roster.assignments.contains { $0.activity == .group && $0.staff == visit.staff })
        #expect(visit.interval.start % 1440 == 13 * 60 + 15)
    }
}
