import CareDomain
import Testing

@Suite("attends_any and capacity")
struct AttendanceChoiceRuleTests {
    @Test("A chosen session respects the location's capacity")
    func capacity() throws {
        let sessions = "      - {name: ochtend, days: [mon, tue], from: \"09:00\", to: \"12:30\"}"
        let clients = clientLines(2) + "\n  x1: {product: dag, location: huis, attends_any: {count: 1, of: [mon ochtend, tue ochtend]}}"
        let (scenario, outcome) = try planChecked(tinyScenario(capacity: 2, sessions: sessions, staff: "  s1: {level: mbo3, contract_hours: 7}", clients: clients))
        let tuesday = outcome.roster.assignments.filter { scenario.week.date(atMinute: $0.interval.start).weekday == .tue }
        #expect(tuesday.first?.clients == [ClientID("x1")])
        #expect(outcome.roster.uncovered.isEmpty)
    }

    @Test("A client who fits nowhere is reported with the capacity reason")
    func unplaced() throws {
        let clients = clientLines(2) + "\n  x1: {product: dag, location: huis, attends_any: {count: 1, of: [mon ochtend]}}"
        let (_, outcome) = try planChecked(tinyScenario(capacity: 2, staff: "  s1: {level: mbo3, contract_hours: 7}", clients: clients))
        #expect(outcome.uncovered(.attendance).count == 1)
        #expect(outcome.uncovered(.attendance).first?.reason.text.contains("capacity") == true)
    }
}
