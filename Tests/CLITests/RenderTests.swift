import Foundation
import Testing

/// `render`: a roster edited by hand is judged, then every other file is made anew from it.
@Suite("Render an edited roster")
struct RenderTests {
    let cli = CommandLineTests()

    /// Two sessions, two people who may each work either; s2 costs more.
    static let scenario = """
    version: 1
    week: 2026-W12
    products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
    locations: {huis: {sessions: [{name: ochtend, days: mon-tue, from: "09:00", to: "12:30"}]}}
    staff:
      s1: {level: mbo3, contract_hours: 8, hourly_cost: 30}
      s2: {level: mbo3, contract_hours: 8, hourly_cost: 40}
    clients:
      c1: {product: dag, location: huis, attends: [mon ochtend, tue ochtend]}
      c2: {product: dag, location: huis, attends: [mon ochtend, tue ochtend]}
    """

    @Test("A swap by hand in either CSV locale: check names the stale files, render writes them anew and check passes; the cost follows")
    func swapThenRender() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try cli.writeScenario(Self.scenario, in: folder)
        for locale in ["plain", "nl"] {
            let out = folder.appendingPathComponent("out-\(locale)").path
            #expect(try cli.zorgrooster("solve", scenario, "--out", out, "--quiet", "--csv-locale", locale).status == 0)
            let path = out + "/roster.csv"
            let roster = try String(contentsOfFile: path, encoding: .utf8)
            let separator = locale == "nl" ? ";" : ","
            // Tuesday's session to the other person, its date as Dutch Excel saves it.
            let lines = roster.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let monday = try #require(lines.first { $0.contains("2026-03-16") }).components(separatedBy: separator)
            let tuesday = try #require(lines.firstIndex { $0.contains("2026-03-17") })
            var cells = lines[tuesday].components(separatedBy: separator)
            let other = cells[4] == "s1" ? "s2" : "s1"
            cells[0] = "17-3-2026"
            cells[4] = other; cells[5] = other
            var edited = lines
            edited[tuesday] = cells.joined(separator: separator)
            try edited.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let check = try cli.zorgrooster("check", scenario, out)
            #expect(check.status == 2 && check.stderr.contains("zorgrooster render"), "\(check.stdout)\(check.stderr)")
            let render = try cli.zorgrooster("render", scenario, out)
            #expect(render.status == 0, "\(render.stderr)")
            #expect(try cli.zorgrooster("check", scenario, out).status == 0)
            let rate = ["s1": 30.0, "s2": 40.0]
            let cost = 3.5 * rate[monday[4]]! + 3.5 * rate[other]!
            let summary = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
            #expect(summary.contains("\"cost\": \(Int(cost)),"), "3.5 h at each rostered person's rate (\(cost)): \(summary)")
            #expect(try String(contentsOfFile: out + "/roster.csv", encoding: .utf8).contains("2026-03-17"), "written back as YYYY-MM-DD")
        }
    }

    @Test("A row taken out by hand where a free person could work is refused with the person named; nothing is written")
    func refusesAGap() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try cli.writeScenario(Self.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path
        #expect(try cli.zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        let path = out + "/roster.csv"
        let roster = try String(contentsOfFile: path, encoding: .utf8)
        let kept = roster.split(separator: "\n").filter { !$0.hasPrefix("2026-03-17") }.joined(separator: "\n") + "\n"
        try kept.write(toFile: path, atomically: true, encoding: .utf8)
        let before = try String(contentsOfFile: out + "/summary.json", encoding: .utf8)
        let render = try cli.zorgrooster("render", scenario, out)
        #expect(render.status == 1)
        #expect(render.stderr.contains("een vrije, gekwalificeerde medewerker kan doen") && render.stderr.contains("2026-03-17"), "\(render.stderr)")
        #expect(try cli.zorgrooster("render", scenario, out, "--lang", "en").stderr.contains("a free, qualified person could do"))
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8) == before, "nothing written")
        // A row naming a session that does not exist is bad input.
        try roster.replacingOccurrences(of: ",huis,", with: ",hut,").write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try cli.zorgrooster("render", scenario, out).status == 2)
    }

    @Test("render --from writes changes.csv and calendars whose moved events are new versions")
    func renderFrom() throws {
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try cli.writeScenario(Self.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path, edited = folder.appendingPathComponent("edited").path
        #expect(try cli.zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        try FileManager.default.copyItem(atPath: out, toPath: edited)
        let roster = try String(contentsOfFile: edited + "/roster.csv", encoding: .utf8)
        let lines = roster.split(separator: "\n").map(String.init)
        let tuesday = try #require(lines.firstIndex { $0.hasPrefix("2026-03-17") })
        let person = lines[tuesday].split(separator: ",")[4]
        let other = person == "s1" ? "s2" : "s1"
        var changed = lines
        changed[tuesday] = lines[tuesday].replacingOccurrences(of: ",\(person),\(person),", with: ",\(other),\(other),")
        try (changed.joined(separator: "\n") + "\n").write(toFile: edited + "/roster.csv", atomically: true, encoding: .utf8)
        let render = try cli.zorgrooster("render", scenario, edited, "--from", out, "--out", edited + "-new")
        #expect(render.status == 0, "\(render.stderr)")
        let changes = try String(contentsOfFile: edited + "-new/changes.csv", encoding: .utf8).split(separator: "\n")
        #expect(changes.count == 3, "\(changes)")
        let calendar = try String(contentsOfFile: edited + "-new/calendars/\(person).ics", encoding: .utf8)
        #expect(calendar.contains("STATUS:CANCELLED"), "the taken-away Tuesday is cancelled in \(person)'s calendar")
    }
}
