import CareDomain
import Testing

@Suite("Availability, absence, locations, travel")
struct AvailabilityRuleTests {
    static let twoDays = """
          - {name: ochtend, days: [mon, tue], from: "09:00", to: "12:30"}
    """

    @Test("An absent day is respected")
    func absence() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 20, absent: [2026-03-17]}\n  s2: {level: mbo3, contract_hours: 20}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: Self.twoDays, staff: staff, clients: clientLines(4, attends: "[mon ochtend, tue ochtend]")))
        #expect(outcome.workers(on: .tue, "ochtend", in: scenario) == ["s2"])
        #expect(outcome.roster.uncovered.isEmpty)
    }

    @Test("Nobody works outside their availability; the reason names it")
    func availability() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 20, available: [{days: mon, from: \"08:00\", to: \"12:00\"}]}"
        let (_, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(3)))
        #expect(outcome.roster.assignments.isEmpty)
        #expect(outcome.uncovered(.staffing).first?.reason.text.contains("not available at this time") == true)
    }

    @Test("A night availability window running past midnight covers a night session")
    func nightWindow() throws {
        let sessions = "      - {name: nacht, days: mon, from: \"23:00\", to: \"07:00\"}"
        let staff = "  s1: {level: mbo3, contract_hours: 8, available: [{days: mon, from: \"22:00\", to: \"08:00\"}]}"
        let (_, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clientLines(2, attends: "[mon nacht]")))
        #expect(outcome.roster.assignments.count == 1)
    }

    @Test("Two sessions 15 minutes apart in areas 30 minutes apart are not worked by one person")
    func travel() throws {
        let yaml = """
        version: 1
        week: 2026-W12
        products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
        locations:
          a: {area: "1000", sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]}
          b: {area: "2000", sessions: [{name: middag, days: mon, from: "12:45", to: "16:00"}]}
        travel: {default_minutes: 30}
        staff:
          s1: {level: mbo3, contract_hours: 8}
        clients:
          c1: {product: dag, location: a, attends: [mon ochtend]}
          c2: {product: dag, location: b, attends: [mon middag]}
        """
        let (_, outcome) = try planChecked(yaml)
        #expect(outcome.roster.assignments.count == 1)
        #expect(outcome.uncovered(.staffing).count == 1)
    }

    @Test("Staff work only at their allowed locations")
    func allowedLocations() throws {
        let staff = "  s1: {level: mbo3, contract_hours: 8, locations: [huis]}"
        let (_, outcome) = try planChecked(tinyScenario(staff: staff, clients: clientLines(2)))
        #expect(outcome.roster.assignments.count == 1)
    }
}
