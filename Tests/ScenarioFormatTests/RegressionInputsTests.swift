import CareDomain
import Foundation
import ScenarioFormat
import Testing

/// Every input that once crashed, hung or slipped through (issue 14's fuzzing), kept as a case:
/// each is now refused by `validate` with its field path, so `solve` never meets it.
@Suite("Inputs that once failed")
struct RegressionInputsTests {
    static let base = """
    version: 1
    week: 2026-W12
    products:
      dag: {setting: group, ratio: 5, min_level: mbo2}
      thuis: {setting: ambulatory, min_level: mbo4, responsible_level: hbo, evaluation_months: 6, office_hours: {days: mon-fri, from: "09:00", to: "17:00"}}
    travel: {default_minutes: 20}
    labour_rules: {max_shift_hours: 10, min_daily_rest_hours: 11}
    locations:
      huis: {sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30", min_staff: 1}]}
    staff:
      s1: {level: mbo4, contract_hours: 32, min_hours: 8}
      s2: {level: hbo, contract_hours: 32}
    clients:
      c1: {product: dag, location: huis, attends: [mon ochtend]}
      c2: {product: thuis, area: "8011", visits: {count: 2, minutes: 60, max_per_day: 1}, last_evaluation: 2026-01-10}
    appointments:
      mdo: {minutes: 60, window: {days: mon, from: "09:00", to: "12:00"}, roles: [{level: hbo}]}
    """

    static let cases: [(original: String, replacement: String, path: String)] = [
        ("min_hours: 8", "min_hours: 9.3e18", "staff.s1.min_hours"),
        ("max_shift_hours: 10", "max_shift_hours: 1.6e17", "labour_rules.max_shift_hours"),
        ("max_shift_hours: 10", "max_shift_hours: 1e-300", "labour_rules.max_shift_hours"),
        ("week: 2026-W12", "week: 2026-W99999999999", "week"),
        ("ratio: 5", "ratio: 9223372036854775807", "products.dag.ratio"),
        ("min_staff: 1", "min_staff: 9223372036854775807", "locations.huis.sessions[0].min_staff"),
        ("default_minutes: 20", "default_minutes: 9223372036854775807", "travel.default_minutes"),
        ("minutes: 60, max_per_day", "minutes: 9223372036854775807, max_per_day", "clients.c2.visits.minutes"),
        ("max_per_day: 1", "max_per_day: 9223372036854775807", "clients.c2.visits.max_per_day"),
        ("count: 2", "count: 9223372036854775807", "clients.c2.visits.count"),
        ("mdo: {minutes: 60", "mdo: {minutes: 9223372036854775807", "appointments.mdo.minutes"),
        ("evaluation_months: 6", "evaluation_months: 24300", "products.thuis.evaluation_months"),
        ("roles: [{level: hbo}]", "roles: []", "appointments.mdo.roles"),
        ("days: mon, from: \"09:00\", to: \"12:30\"", "days: mon--fri, from: \"09:00\", to: \"12:30\"", "locations.huis.sessions[0].days"),
        ("from: \"09:00\", to: \"12:30\"", "from: \"+9:00\", to: \"12:30\"", "locations.huis.sessions[0].from"),
        ("c1: {product: dag, location: huis, attends: [mon ochtend]}", "c1: {product: dag, location: huis, attends: [mon ochtend]}\n  c3: {product: thuis, area: \"8011\", visits: {count: 1, minutes: 30}, responsible: s1}",
         "clients.c3.responsible"),
    ]

    @Test("Each is refused with its field path and a hint, never a trap", arguments: cases.indices)
    func refused(index: Int) throws {
        let (original, replacement, path) = Self.cases[index]
        try #require(Self.base.contains(original), "the base has no `\(original)`")
        let text = Self.base.replacingOccurrences(of: original, with: replacement)
        var found: [ScenarioIssue] = []
        do { _ = try ScenarioLoader.parse(text, file: "s.yaml") } catch { found = error.issues }
        #expect(found.contains { $0.path == path && !$0.hint.isEmpty }, "\(replacement): \(found)")
        // The cause comes first: no follow-on errors before it.
        #expect(found.first?.path == path, "\(found.map(\.path))")
    }

    @Test("The base reads, so every refusal above is the mutation's")
    func baseReads() throws {
        let scenario = try ScenarioLoader.parse(Self.base, file: "s.yaml")
        #expect(scenario.clients.count == 2 && scenario.appointments.count == 1)
    }

    @Test("A device such as /dev/zero, and a file far too large, are refused at once, not read into memory")
    func largeFiles() throws {
        let started = Date()
        var issues: [ScenarioIssue] = []
        do { _ = try ScenarioLoader.load(path: "/dev/zero") } catch { issues = error.issues }
        #expect(issues.count == 1 && issues[0].problem.contains("not a file"), "\(issues)")
        #expect(Date().timeIntervalSince(started) < 10)
        #expect(InputFile.text(atPath: "/dev/zero", limit: 1 << 20) == .failure(.notAFile))
        // A regular file over the limit: refused by its size.
        let big = FileManager.default.temporaryDirectory.appendingPathComponent("zr-big-\(UUID().uuidString).yaml").path
        defer { try? FileManager.default.removeItem(atPath: big) }
        try Data(repeating: 0x61, count: (1 << 20) + 10).write(to: URL(fileURLWithPath: big))
        #expect(InputFile.text(atPath: big, limit: 1 << 20) == .failure(.tooLarge(limit: 1 << 20)))
    }
}
