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

    @Test("One place at a time: an attends_any choice is never placed over a session the client attends")
    func notTwiceAtOnce() throws {
        let sessions = """
              - {name: ochtend, days: mon-tue, from: "09:00", to: "12:00"}
              - {name: lang, days: mon, from: "10:00", to: "14:00"}
        """
        let staff = "  s1: {level: mbo3, contract_hours: 20}\n  s2: {level: mbo3, contract_hours: 20}"
        let clients = "  c1: {product: dag, location: huis, attends: [mon ochtend], attends_any: {count: 1, of: [mon lang, tue ochtend]}}"
        let (scenario, outcome) = try planChecked(tinyScenario(sessions: sessions, staff: staff, clients: clients))
        let places = Set(outcome.roster.assignments.filter { $0.clients.contains(ClientID("c1")) }.map { "\(scenario.week.date(atMinute: $0.interval.start).weekday) \($0.ref)" })
        #expect(places == ["mon ochtend", "tue ochtend"], "\(places)")
    }
}
