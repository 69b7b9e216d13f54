import CareDomain
import Foundation
import ScenarioFormat
import Testing

@Suite("Reading scenarios")
struct ScenarioLoaderTests {
    static let base = """
    version: 1
    week: 2026-W12
    products:
      dag: {setting: group, ratio: 5, min_level: mbo2, lead_level: mbo4}
    locations:
      huis:
        sessions:
          - {name: middag, days: mon-fri, from: 13:00, to: 16:30}
          - {name: nacht, days: mon-sun, from: "23:00", to: "07:00", min_staff: 1}
    staff:
      s1: {level: mbo4, contract_hours: 32, absent: [2026-03-18], available: [{days: mon-thu, from: 08:00, to: "17:30"}]}
    clients:
      c1: {product: dag, location: huis, attends: [mon middag, tue nacht]}
    """

    func issues(_ yaml: String) -> [ScenarioIssue] {
        do {
            _ = try ScenarioLoader.parse(yaml, file: "s.yaml")
            return []
        } catch {
            return error.issues
        }
    }

    @Test("Unquoted times and dates read as written, not as YAML 1.1 numbers")
    func unquotedTimesAndDates() throws {
        let scenario = try ScenarioLoader.parse(Self.base, file: "s.yaml")
        let middag = scenario.groupSessions.first { $0.slot == SessionSlot(day: .mon, name: "middag") }!
        #expect(middag.interval == WeekInterval(start: 13 * 60, end: 16 * 60 + 30))
        #expect(scenario.staff[StaffID("s1")]?.absent == [CivilDate(year: 2026, month: 3, day: 18)!])
        #expect(scenario.staff[StaffID("s1")]?.available?.first?.from == 8 * 60)
        #expect(scenario.week.monday == CivilDate(year: 2026, month: 3, day: 16)!)
    }

    @Test("A night session ends the next day; Sunday's night runs past the week")
    func nightSessions() throws {
        let scenario = try ScenarioLoader.parse(Self.base, file: "s.yaml")
        let sunday = scenario.groupSessions.first { $0.slot == SessionSlot(day: .sun, name: "nacht") }!
        #expect(sunday.interval == WeekInterval(start: 6 * 1440 + 23 * 60, end: 7 * 1440 + 7 * 60))
        #expect(sunday.minStaff == 1)
    }

    @Test("An unknown field is located and a close name suggested")
    func unknownField() {
        let found = issues(Self.base.replacingOccurrences(of: "contract_hours: 32", with: "contract_hour: 32"))
        let unknown = try? #require(found.first { $0.path == "staff.s1.contract_hour" })
        #expect(unknown?.location.line == 11)
        #expect(unknown?.hint.contains("did you mean `contract_hours`") == true)
        // The misspelt field leaves the required one missing, which is said too.
        #expect(found.contains { $0.path == "staff.s1.contract_hours" && $0.problem.contains("missing") })
    }

    @Test("A bad time, a negative number and an unknown id are all reported at once")
    func severalErrorsAtOnce() {
        let yaml = Self.base
            .replacingOccurrences(of: "from: 13:00", with: "from: 25:00")
            .replacingOccurrences(of: "contract_hours: 32", with: "contract_hours: -4")
            .replacingOccurrences(of: "product: dag", with: "product: nacht-zorg")
        let found = issues(yaml)
        #expect(found.count >= 3)
        #expect(found.contains { $0.path == "locations.huis.sessions[0].from" && $0.problem.contains("25:00") })
        #expect(found.contains { $0.path == "staff.s1.contract_hours" && $0.problem.contains("negative") })
        #expect(found.contains { $0.path == "clients.c1.product" && $0.problem.contains("unknown product `nacht-zorg`") && $0.hint.contains("dag") })
    }

    @Test("from equal to to, a ratio of 0 and an unknown session are errors")
    func impossibleValues() {
        let yaml = Self.base
            .replacingOccurrences(of: "to: 16:30", with: "to: 13:00")
            .replacingOccurrences(of: "ratio: 5", with: "ratio: 0")
            .replacingOccurrences(of: "tue nacht", with: "tue avond")
        let found = issues(yaml)
        #expect(found.contains { $0.path.hasPrefix("locations.huis.sessions[0]") })
        #expect(found.contains { $0.path == "products.dag.ratio" })
        #expect(found.contains { $0.path == "clients.c1.attends[1]" && $0.hint.contains("sessions there") })
    }

    @Test("Fixed attendance above capacity is an error in the file")
    func capacity() {
        var yaml = Self.base.replacingOccurrences(of: "  huis:\n", with: "  huis:\n    capacity: 1\n")
        yaml += "\n  c2: {product: dag, location: huis, attends: [mon middag]}"
        #expect(issues(yaml).contains { $0.path == "locations.huis.capacity" && $0.problem.contains("mon middag") })
    }

    @Test("Broken YAML gives its line")
    func brokenYAML() {
        let found = issues("version: 1\nweek: [2026-W12\nname: x\n")
        #expect(found.count == 1)
        #expect(found.first?.problem.contains("not valid YAML") == true)
    }

    @Test("Staff and clients from CSV files join those in the YAML, with their own line numbers")
    func csvFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-csv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "id,name,level,contract_hours,skills,available,absent\ns2,Bo,mbo3,24,verzorging;koken,mon-fri 08:00-17:00,2026-03-19\ns3,Cas,mbo9,24,,,\n"
            .write(to: folder.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let yaml = Self.base + "\nstaff_file: staff.csv\n"
        let path = folder.appendingPathComponent("s.yaml").path
        try yaml.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try ScenarioLoader.load(path: path)
            Issue.record("mbo9 should be refused")
        } catch {
            #expect(error.issues.count == 1)
            #expect(error.issues.first?.location.line == 3)
            #expect(error.issues.first?.path == "staff.s3.level")
        }
        try "id,name,level,contract_hours,skills,available,absent\ns2,Bo,mbo3,24,verzorging;koken,mon-fri 08:00-17:00,2026-03-19\n"
            .write(to: folder.appendingPathComponent("staff.csv"), atomically: true, encoding: .utf8)
        let scenario = try ScenarioLoader.load(path: path)
        let bo = try #require(scenario.staff[StaffID("s2")])
        #expect(bo.skills == ["verzorging", "koken"])
        #expect(bo.available?.first?.days == [.mon, .tue, .wed, .thu, .fri])
        #expect(bo.absent == [CivilDate(year: 2026, month: 3, day: 19)!])
        #expect(scenario.staff.count == 2)
    }

    @Test("ISO weeks map to their Monday, including week 53")
    func isoWeeks() {
        #expect(PlanningWeek(iso: "2026-W01")?.monday == CivilDate(year: 2025, month: 12, day: 29))
        #expect(PlanningWeek(iso: "2020-W53")?.monday == CivilDate(year: 2020, month: 12, day: 28))
        #expect(PlanningWeek(iso: "2026-W53") != nil)
        #expect(PlanningWeek(iso: "2025-W53") == nil)
    }
}
