import Foundation
import ZIPFoundation
import Testing

/// `check` accepts every folder `solve` writes and refuses damaged ones (issue "Nothing lost").
@Suite("check: as strict as it says")
struct CheckStrictnessTests {
    static let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
    static let oddMinutes = CommandLineTests.packageRoot.appendingPathComponent("Tests/CLITests/Replans/odd-minutes.yaml").path

    func zorgrooster(_ arguments: String...) throws -> CommandLineTests.Run { try CommandLineTests.run(Self.binary, arguments) }

    @Test("Sessions of odd minutes (00:01, 23:59): check passes solve's own folder, the uncovered hours rounded per row")
    func oddMinutes() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        #expect(try zorgrooster("solve", Self.oddMinutes, "--out", out, "--quiet", "--time-limit", "5").status == 0)
        let checked = try zorgrooster("check", Self.oddMinutes, out)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        // Damaged summaries are refused by name.
        let summaryPath = out + "/summary.json"
        let original = try String(contentsOfFile: summaryPath, encoding: .utf8)
        for (find, replace, words) in [("\"gap\": ", "\"gap\": -1, \"x\": ", "gap"), ("\"solve_seconds\": ", "\"solve_seconds\": {}, \"y\": ", "solve_seconds"),
                                       ("\"visits_placed\": ", "\"visits_placed\": 99999999, \"z\": ", "visits_placed")] {
            guard let range = original.range(of: find) else { Issue.record("no \(find) in summary.json"); continue }
            try original.replacingCharacters(in: range, with: replace).write(toFile: summaryPath, atomically: true, encoding: .utf8)
            let damaged = try zorgrooster("check", Self.oddMinutes, out)
            #expect(damaged.status != 0 && (damaged.stderr + damaged.stdout).contains(words), "\(words): \(damaged.stdout)\(damaged.stderr)")
        }
        try original.write(toFile: summaryPath, atomically: true, encoding: .utf8)
        // A capacity row doubled, then the file gone: both refused by name.
        let capacityPath = out + "/capacity.csv"
        let capacity = try String(contentsOfFile: capacityPath, encoding: .utf8)
        let lines = capacity.split(separator: "\n")
        try (lines + [lines[1]]).joined(separator: "\n").appending("\n").write(toFile: capacityPath, atomically: true, encoding: .utf8)
        let doubled = try zorgrooster("check", Self.oddMinutes, out)
        #expect(doubled.status == 2 && doubled.stderr.contains("have a row already"), "\(doubled.stderr)")
        try FileManager.default.removeItem(atPath: capacityPath)
        let missing = try zorgrooster("check", Self.oddMinutes, out)
        #expect(missing.status == 2 && missing.stderr.contains("capacity.csv") && missing.stderr.contains("ontbreekt"), "\(missing.stderr)")
    }
}

/// The files for people to read are held against the roster they were made from.
@Suite("check: the published files match the roster")
struct DerivedFilesCheckTests {
    func zorgrooster(_ arguments: String...) throws -> CommandLineTests.Run { try CommandLineTests.run(CheckStrictnessTests.binary, arguments) }

    @Test("A report, workbook or roster-by-person.csv from another roster (or edited) is named by check; render makes them match again")
    func staleFilesNamed() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CommandLineTests().writeScenario(RenderTests.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path, other = folder.appendingPathComponent("other").path
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        #expect(try zorgrooster("check", scenario, out).status == 0)
        // Another roster of the same week: its Tuesday worked by the other person.
        try FileManager.default.copyItem(atPath: out, toPath: other)
        let lines = try String(contentsOfFile: other + "/roster.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        let tuesday = try #require(lines.firstIndex { $0.hasPrefix("2026-03-17") })
        let person = String(lines[tuesday].split(separator: ",")[4]), swapped = person == "s1" ? "s2" : "s1"
        var edited = lines
        edited[tuesday] = lines[tuesday].replacingOccurrences(of: ",\(person),\(person),", with: ",\(swapped),\(swapped),")
        try (edited.joined(separator: "\n") + "\n").write(toFile: other + "/roster.csv", atomically: true, encoding: .utf8)
        #expect(try zorgrooster("render", scenario, other, "--quiet").status == 0)
        #expect(try zorgrooster("check", scenario, other).status == 0)
        for file in ["report.html", "roster.xlsx", "roster-by-person.csv"] {
            let mine = other + "/" + file
            let kept = try Data(contentsOf: URL(fileURLWithPath: mine))
            try FileManager.default.removeItem(atPath: mine)
            try FileManager.default.copyItem(atPath: out + "/" + file, toPath: mine)
            let stale = try zorgrooster("check", scenario, other)
            #expect(stale.status == 2 && stale.stderr.contains(file) && stale.stderr.contains("render"), "\(file): \(stale.stdout)\(stale.stderr)")
            try kept.write(to: URL(fileURLWithPath: mine))
        }
        #expect(try zorgrooster("check", scenario, other).status == 0)
    }
}

/// Re-plans that say everything they change (issue "A roster a planner can publish", item 1).
@Suite("Re-plans and their clients")
struct ReplanClientTests {
    static let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
    static let linde = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path

    /// Each client's group sessions in a roster.csv, as "date ref location".
    func placements(_ folder: String) throws -> [String: Set<String>] {
        var found: [String: Set<String>] = [:]
        for line in try String(contentsOfFile: folder + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst() {
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard cells.count > 12, cells[6] == "group" else { continue }
            for client in cells[9].split(separator: ";") { found[String(client), default: []].insert("\(cells[0]) \(cells[12]) \(cells[7])") }
        }
        return found
    }

    @Test("De Linde, s04 sick on Monday: the attends_any clients stay where they were, and any client who moves is a row of changes.csv")
    func clientsStayOrAreListed() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = folder.appendingPathComponent("linde").path, after = folder.appendingPathComponent("linde-s04").path
        #expect(try CommandLineTests.run(Self.binary, ["solve", Self.linde, "--out", before, "--quiet", "--time-limit", "10"]).status == 0)
        let run = try CommandLineTests.run(Self.binary, ["replan", Self.linde, "--from", before, "--out", after, "--absent", "s04@2026-03-16",
                                                         "--quiet", "--time-limit", "10"])
        #expect(run.status == 0, "\(run.stderr)")
        let was = try placements(before), now = try placements(after)
        let moved = Set(was.keys).union(now.keys).filter { was[$0] != now[$0] }
        let listed = Set(try String(contentsOfFile: after + "/changes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .compactMap { line -> String? in
                let cells = line.split(separator: ",", omittingEmptySubsequences: false)
                return cells.count > 6 && !cells[6].isEmpty ? String(cells[6]) : nil
            })
        #expect(moved.isSubset(of: listed), "moved but not listed: \(moved.subtracting(listed).sorted())")
        #expect(moved.isEmpty, "clients moved: \(moved.sorted())")
    }

    @Test("Eik's four weeks, one sick Wednesday: the re-plan takes the sick person's shifts (and a lone day off they leave) to others and adds nobody anywhere else")
    func eikReplanAddsNobody() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let eik = CommandLineTests.packageRoot.appendingPathComponent("scenarios/wonen-eik-vier-weken.yaml").path
        let before = folder.appendingPathComponent("before").path, after = folder.appendingPathComponent("after").path
        #expect(try CommandLineTests.run(Self.binary, ["solve", eik, "--out", before, "--quiet", "--time-limit", "8"]).status == 0)
        let rows = try String(contentsOfFile: before + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let wednesday = try #require(rows.first { $0.hasPrefix("2026-03-25,wed,07:00") })
        let sick = String(wednesday.split(separator: ",")[4])
        let run = try CommandLineTests.run(Self.binary, ["replan", eik, "--from", before, "--out", after, "--absent", "\(sick)@2026-03-25",
                                                         "--quiet", "--time-limit", "8"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stderr.contains("opnieuw gepland"), "not planned afresh: \(run.stderr)")
        let changes = try String(contentsOfFile: after + "/changes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        // Every shift gained is one a person lost at that time, or one short before: no one is
        // added where nothing is short.
        let lost = Set(changes.filter { !$0[4].isEmpty && $0[5].isEmpty }.map { "\($0[0]) \($0[1]) \($0[4])" })
        let short = Set(try String(contentsOfFile: before + "/uncovered.csv", encoding: .utf8).split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return "\(cells[0]) \(cells[2]) \(cells[5])"  // date, start, location: before the quoted reason
        })
        let gained = changes.filter { $0[4].isEmpty && !$0[5].isEmpty }
        #expect(!lost.isEmpty && gained.allSatisfy { row in
            lost.contains("\(row[0]) \(row[1]) \(row[5])") || short.contains("\(row[0]) \(row[1]) \(row[5].split(separator: " ").dropFirst().first ?? "")")
        }, "\(changes)")
        #expect(changes.count <= 8, "a handful of changes around the sick day, not the period: \(changes.count)")
    }

    @Test("A re-plan from another scenario's folder is refused (exit 2), naming both")
    func wrongFolder() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let griep = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-griepweek.yaml").path
        let other = folder.appendingPathComponent("griep").path
        #expect(try CommandLineTests.run(Self.binary, ["solve", griep, "--out", other, "--quiet", "--time-limit", "3"]).status == 0)
        let run = try CommandLineTests.run(Self.binary, ["replan", Self.linde, "--from", other, "--out", folder.appendingPathComponent("x").path,
                                                         "--absent", "s04@2026-03-16", "--quiet"])
        #expect(run.status == 2 && run.stderr.contains("griepweek"), "\(run.stderr)")
    }

    @Test("Short pin files (staff_id,date,session or staff_id,date,start,end) are read; every bad pin is reported at once")
    func shortPins() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.csv").path
        try "staff_id,date,start,end\ns07,2026-03-16,09:00,12:30\n".write(toFile: good, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        #expect(try CommandLineTests.run(Self.binary, ["solve", Self.linde, "--out", out, "--pin", good, "--quiet", "--time-limit", "5"]).status == 0)
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.contains("2026-03-16,mon,09:00,12:30,s07,"))
        let bad = folder.appendingPathComponent("bad.csv").path
        try "staff_id,date,session\ns07,2026-03-17,ochtend\ns07,2026-03-19,ochtend\n".write(toFile: bad, atomically: true, encoding: .utf8)
        let refused = try CommandLineTests.run(Self.binary, ["solve", Self.linde, "--out", out, "--pin", bad, "--quiet", "--time-limit", "5"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("2026-03-17") && refused.stderr.contains("2026-03-19"), "\(refused.stderr)")
    }
}

/// The four-weekly roster a planner publishes (issue "A roster a planner can publish", item 2).
@Suite("A period's published roster")
struct PeriodPrintTests {
    @Test("A four-week roster writes roster-by-person.csv over the period and one people × days sheet per week")
    func sheetPerWeek() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = CommandLineTests.packageRoot.appendingPathComponent("scenarios/wonen-eik-vier-weken.yaml").path
        let out = folder.appendingPathComponent("out").path
        let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        #expect(try CommandLineTests.run(binary, ["solve", scenario, "--out", out, "--quiet", "--time-limit", "12"]).status == 0)
        let header = try String(contentsOfFile: out + "/roster-by-person.csv", encoding: .utf8).split(separator: "\n").first ?? ""
        #expect(["hours_2026-W12", "hours_2026-W13", "hours_2026-W14", "hours_2026-W15"].allSatisfy { header.contains($0) }, "\(header)")
        let book = try Data(contentsOf: URL(fileURLWithPath: out + "/roster.xlsx"))
        let archive = try Archive(data: book, accessMode: .read)
        var workbook = Data()
        _ = try archive.extract(try #require(archive["xl/workbook.xml"])) { workbook.append($0) }
        let names = String(decoding: workbook, as: UTF8.self)
        #expect((12...15).allSatisfy { names.contains("Rooster per medewerker W\($0)") }, "\(names)")
        #expect(try CommandLineTests.run(binary, ["check", scenario, out]).status == 0)
    }
}
