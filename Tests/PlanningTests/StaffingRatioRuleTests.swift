import CareDomain
import Testing

@Suite("Ratio and min_staff")
struct StaffingRatioRuleTests {
    @Test("11 clients at 1:5 need 3 professionals")
    func elevenClientsNeedThree() throws {
        let staff = (1...5).map { "  s\($0): {level: mbo3, contract_hours: 3.5}" }.joined(separator: "\n")
        let (scenario, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(11)))
        #expect(outcome.roster.uncovered.isEmpty)
        #expect(outcome.workers(on: .mon, "ochtend", in: scenario).count >= 3)
    }

    @Test("With two professionals for 11 clients, one professional is reported uncovered with its hours")
    func shortfallIsReported() throws {
        let staff = (1...2).map { "  s\($0): {level: mbo3, contract_hours: 10}" }.joined(separator: "\n")
        let (_, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(11)))
        let short = outcome.uncovered(.staffing)
        #expect(short.count == 1)
        #expect(short.first?.need.text == "1 professional (mbo2 or higher)")
        #expect(short.first?.hours == 3.5)
        #expect(short.first?.reason.text.contains("need 3 counted professionals") == true)
    }

    @Test("10 clients at 1:5 need exactly 2, not 3")
    func exactMultiple() throws {
        let staff = (1...2).map { "  s\($0): {level: mbo3, contract_hours: 3.5}" }.joined(separator: "\n")
        let (_, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(10)))
        #expect(outcome.roster.uncovered.isEmpty)
    }

    @Test("A volunteer or an MBO-1 does not count towards the ratio")
    func volunteerAndMBO1DoNotCount() throws {
        let staff = """
          s1: {level: mbo2, contract_hours: 10}
          s2: {level: mbo2, contract_hours: 10}
          s3: {level: mbo1, contract_hours: 10}
          v1: {volunteer: true, level: hbo, contract_hours: 10}
        """
        let (scenario, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(11)))
        #expect(outcome.uncovered(.staffing).count == 1)
        let roles = outcome.roster.assignments.filter { $0.staff.rawValue == "v1" }.map(\.role)
        #expect(roles.allSatisfy { $0 == .volunteer })
        #expect(outcome.workers(on: .mon, "ochtend", in: scenario).contains("s1"))
    }

    @Test("min_staff asks professionals even with few clients")
    func minStaff() throws {
        let sessions = "      - {name: nacht, days: mon, from: \"23:00\", to: \"07:00\", min_staff: 2}"
        let staff = (1...3).map { "  s\($0): {level: mbo3, contract_hours: 8}" }.joined(separator: "\n")
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clientLines(1, attends: "[mon nacht]")))
        #expect(outcome.roster.uncovered.isEmpty)
        #expect(outcome.workers(on: .mon, "nacht", in: scenario).count >= 2)
    }

    @Test("A session's own ratio overrides the product's")
    func sessionRatio() throws {
        let sessions = "      - {name: ochtend, days: mon, from: \"09:00\", to: \"12:30\", ratio: 8}"
        let staff = "  s1: {level: mbo3, contract_hours: 10}\n  s2: {level: mbo3, contract_hours: 10}"
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clientLines(16)))
        #expect(outcome.roster.uncovered.isEmpty)
    }
}
