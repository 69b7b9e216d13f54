import Foundation
import Glibc
import ZIPFoundation
import Testing

/// Runs the built `zorgrooster` binary as a planner would, and checks exit codes and messages.
@Suite("Command line")
struct CommandLineTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Run {
        let status: Int32
        let stdout: String
        let stderr: String
        var signalled = false
    }

    func zorgrooster(_ arguments: String...) throws -> Run { try zorgrooster(arguments) }

    func zorgrooster(_ arguments: [String]) throws -> Run {
        let binary = Self.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build first: swift build")
        return try Self.run(binary, arguments)
    }

    /// Runs a program from the package root and collects its output and exit status.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        process.currentDirectoryURL = Self.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: stdout, stderr: stderr, signalled: process.terminationReason == .uncaughtSignal)
    }

    func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    func writeScenario(_ text: String, in folder: URL) throws -> String {
        let path = folder.appendingPathComponent("scenario.yaml").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    static let good = """
    version: 1
    week: 2026-W12
    products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
    locations: {huis: {sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]}}
    staff: {s1: {level: mbo3, contract_hours: 4}}
    clients:
      c1: {product: dag, location: huis, attends: [mon ochtend]}
      c2: {product: dag, location: huis, attends: [mon ochtend]}
    """

    @Test("solve writes the four files with the contract's columns, and check passes them")
    func solveAndCheck() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("solve", scenario, "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Dekking   100.0%"), "Dutch by default: \(run.stdout)")
        // s1's 4 contract hours less the 3.5-hour session: reported, not filled with invented work.
        #expect(run.stdout.contains("inzetbaar, niet ingezet 0.5 uur"), "\(run.stdout)")
        #expect(try String(contentsOfFile: out + "/summary.json", encoding: .utf8).contains("\"unused_contract_hours\": 0.5,"))
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.hasPrefix("date,day,start,end,staff_id,staff_name,activity,location,area,clients,product,role,ref\n"))
        #expect(roster.contains("2026-03-16,mon,09:00,12:30,s1,s1,group,huis,,c1;c2,dag,professional,ochtend"))
        let uncovered = try String(contentsOfFile: out + "/uncovered.csv", encoding: .utf8)
        #expect(uncovered.hasPrefix("date,day,start,end,activity,location,client,product,need,hours,reason"))
        let capacity = try String(contentsOfFile: out + "/capacity.csv", encoding: .utf8)
        #expect(capacity.hasPrefix("level,skill,demand_hours,available_hours,assigned_hours,uncovered_hours,fte_gap,"))
        let byDay = try String(contentsOfFile: out + "/capacity-by-day.csv", encoding: .utf8)
        #expect(byDay == "day,daypart,level,skill,uncovered_hours,hire_hours,cover,absent\n")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        for key in ["status", "objective", "best_bound", "gap", "solve_seconds", "coverage", "assigned_hours", "uncovered_hours", "cost", "fte_gap"] {
            #expect(summary?[key] != nil, "summary.json lacks \(key)")
        }
        let check = try zorgrooster("check", scenario, out)
        #expect(check.status == 0)
        #expect(check.stdout.hasPrefix("OK"))
    }

    @Test("weeks: 3 plans three weeks into one roster: dated rows, a week column, per-week summaries; check passes it and finds a row moved out of the period")
    func periodOfWeeks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good.replacingOccurrences(of: "week: 2026-W12", with: "week: 2026-W12\nweeks: 3"), in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("solve", scenario, "--out", out, "--time-limit", "20")
        #expect(run.status == 0, "\(run.stderr)")
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        for date in ["2026-03-16", "2026-03-23", "2026-03-30"] { #expect(roster.contains("\(date),mon,09:00,12:30,s1"), "\(roster)") }
        let capacity = try String(contentsOfFile: out + "/capacity.csv", encoding: .utf8)
        #expect(capacity.split(separator: "\n").first?.hasSuffix(",week") == true)
        #expect(capacity.contains("2026-W14"))
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        #expect(summary?["weeks"] as? Int == 3)
        #expect((summary?["per_week"] as? [[String: Any]])?.count == 3)
        #expect(summary?["assigned_hours"] as? Double == 10.5)
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(report.contains("id=\"week-2026-W13\""))
        let calendar = try String(contentsOfFile: out + "/calendars/s1.ics", encoding: .utf8)
        #expect(calendar.components(separatedBy: "BEGIN:VEVENT").count == 4)
        let check = try zorgrooster("check", scenario, out)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("over 3 weken"), "\(check.stdout)")
        // explain: a day's name is ambiguous in a period (the dates are named); a week or a date is not.
        let every = try zorgrooster("explain", out, "--session", "huis", "mon", "ochtend")
        #expect(every.status == 2 && every.stderr.contains("2026-03-16 (week 1), 2026-03-23 (week 2), 2026-03-30 (week 3); geef --week N"), "\(every.stderr)")
        let second = try zorgrooster("explain", out, "--session", "huis", "mon", "ochtend", "--week", "2")
        #expect(second.stdout.hasPrefix("Sessie huis mon ochtend (2026-03-23 09:00–12:30)"), "\(second.stdout)\(second.stderr)")
        #expect(try zorgrooster("explain", out, "--session", "huis", "mon", "ochtend", "--week", "2026-W14").stdout.contains("(2026-03-30 09:00"))
        #expect(try zorgrooster("explain", out, "--session", "huis", "mon", "ochtend", "--week", "4").status == 2)
        let one = try zorgrooster("explain", out, "--session", "huis", "2026-03-23", "ochtend")
        #expect(one.stdout.hasPrefix("Sessie huis 2026-03-23 ochtend (2026-03-23 09:00–12:30)"), "\(one.stdout)")
        try roster.replacingOccurrences(of: "2026-03-30,mon", with: "2026-04-06,mon").write(toFile: out + "/roster.csv", atomically: true, encoding: .utf8)
        let outside = try zorgrooster("check", scenario, out)
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("valt buiten de periode"), "\(outside.stderr)")
    }

    @Test("GLPK in a child process: the same objective; a child that aborts or hangs costs only its solve, the run ends on time and leaves no process")
    func isolatedGLPK() throws {
        let binary = Self.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        let scenario = Self.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        func objective(_ out: String) throws -> Double? {
            let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
            return summary?["objective"] as? Double
        }
        let inThread = folder.appendingPathComponent("thread").path
        #expect(try Self.run(binary, ["solve", scenario, "--out", inThread, "--quiet", "--time-limit", "20"], environment: ["ZORGROOSTER_GLPK_CHILD_MIN_VARIABLES": "1000000000"]).status == 0)
        let inChild = folder.appendingPathComponent("child").path
        #expect(try Self.run(binary, ["solve", scenario, "--out", inChild, "--quiet", "--time-limit", "20"], environment: ["ZORGROOSTER_GLPK_CHILD_MIN_VARIABLES": "0"]).status == 0)
        #expect(try objective(inThread) == objective(inChild))
        for fault in ["abort", "hang"] {
            let out = folder.appendingPathComponent(fault).path
            let started = Date()
            let run = try Self.run(binary, ["solve", scenario, "--out", out, "--quiet", "--time-limit", "4"],
                                   environment: ["ZORGROOSTER_GLPK_CHILD_MIN_VARIABLES": "0", "ZORGROOSTER_GLPK_WORKER_FAULT": fault])
            let seconds = Date().timeIntervalSince(started)
            #expect(run.status == 0, "\(fault): \(run.stderr)")
            #expect(seconds <= 4 * 1.05 + 1, "\(fault) took \(seconds) s")
            // The constructed roster stands, and it passes the checker.
            #expect(try zorgrooster("check", scenario, out).status == 0)
        }
        // Orphans only (parent 1): other tests may be solving in children of their own right now.
        let orphans = (try FileManager.default.contentsOfDirectory(atPath: "/proc")).filter { Int($0) != nil }.filter { pid in
            let command = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
            let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
            return command.contains("__glpk-worker") && status.contains("PPid:\t1\n")
        }
        #expect(orphans.isEmpty, "workers left running: \(orphans)")
    }

    @Test("An output folder is replaced whole (no stale calendar of an earlier run survives); a folder that is not ours keeps its own files")
    func wholeFolderOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        #expect(FileManager.default.fileExists(atPath: out + "/.zorgrooster-output"))
        try "stale".write(toFile: out + "/calendars/gone.ics", atomically: true, encoding: .utf8)
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        #expect(!FileManager.default.fileExists(atPath: out + "/calendars/gone.ics"))
        #expect(FileManager.default.fileExists(atPath: out + "/calendars/s1.ics"))
        // No temporary folder is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
        let foreign = folder.appendingPathComponent("mine").path
        try FileManager.default.createDirectory(atPath: foreign, withIntermediateDirectories: true)
        try "notes".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(try zorgrooster("solve", scenario, "--out", foreign, "--quiet").status == 0)
        #expect(FileManager.default.fileExists(atPath: foreign + "/notes.txt"))
        #expect(FileManager.default.fileExists(atPath: foreign + "/roster.csv"))
    }

    @Test("Two runs never write one folder: the second is told which process holds it (exit 2); a folder in the way fails with its path and changes nothing")
    func outputLock() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        // This test process holds the lock, as a running solve would.
        let descriptor = open(folder.appendingPathComponent(".out.lock").path, O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0 && flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        _ = "4242\n".withCString { write(descriptor, $0, 5) }
        let busy = try zorgrooster("solve", scenario, "--out", out, "--quiet")
        #expect(busy.status == 2)
        #expect(busy.stderr.contains("process 4242") && busy.stderr.contains("choose another --out"), "\(busy.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        close(descriptor)
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)

        let foreign = folder.appendingPathComponent("mine").path
        try FileManager.default.createDirectory(atPath: foreign + "/roster.csv", withIntermediateDirectories: true)
        try "notes".write(toFile: foreign + "/notes.txt", atomically: true, encoding: .utf8)
        let blocked = try zorgrooster("solve", scenario, "--out", foreign, "--quiet")
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("mine/roster.csv: a folder of that name is in the way"), "\(blocked.stderr)")
        #expect(!blocked.stderr.contains("NSCocoaErrorDomain"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign).sorted() == ["notes.txt", "roster.csv"])
    }

    @Test("Fuzzed scenarios through validate and solve: exit 0 or 2, never a signal or an internal failure; a written roster checks; bad input writes nothing")
    func fuzzedSolves() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenarios = Self.packageRoot.appendingPathComponent("scenarios")
        let sources = ["dagbesteding-de-linde.yaml", "wonen-pro-24uur.yaml", "optimaal-leven-wijkteam.yaml", "groep-en-ambulant-zorg-dichtbij.yaml"]
        for name in ["dagbesteding-clients.csv", "wonen-pro-staff.csv"] {
            try FileManager.default.copyItem(at: scenarios.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        var state: UInt64 = 77
        func random(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let values = ["-1", "0", "1e300", "abc", "[]", "99999", ".nan", "\"x\u{202E}y\"", "1", "0.5"]
        for round in 0..<16 {
            var lines = try String(contentsOf: scenarios.appendingPathComponent(sources[round % sources.count]), encoding: .utf8).components(separatedBy: "\n")
            let candidates = lines.indices.filter { lines[$0].contains(": ") && !lines[$0].hasPrefix("#") && !lines[$0].hasPrefix("version") }
            let index = candidates[random(candidates.count)]
            let line = lines[index]
            let colon = line.range(of: ": ", options: .backwards)!
            let tail = line[colon.upperBound...]
            let end = tail.firstIndex { $0 == "," || $0 == "}" } ?? tail.endIndex
            lines[index] = String(line[..<colon.upperBound]) + values[random(values.count)] + String(tail[end...])
            let path = folder.appendingPathComponent("fuzz-\(round).yaml").path
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            let out = folder.appendingPathComponent("out-\(round)").path
            let started = Date()
            let run = try zorgrooster("solve", path, "--out", out, "--time-limit", "3", "--quiet")
            // No hang (the issue's ran 726 s at --time-limit 3). Not a timing target: tests run side
            // by side on a loaded machine, and the deadline is measured under benchmarks/.
            #expect(Date().timeIntervalSince(started) < 60, "round \(round): \(lines[index]) ran \(Date().timeIntervalSince(started)) s at --time-limit 3")
            #expect(!run.signalled, "round \(round): \(lines[index]) ended by a signal")
            #expect(run.status == 0 || run.status == 2, "round \(round): \(lines[index]) → exit \(run.status): \(run.stderr.prefix(300))")
            if run.status == 2 {
                #expect(!FileManager.default.fileExists(atPath: out), "round \(round): bad input, yet output")
                #expect(run.stderr.contains("fuzz-\(round).yaml:") || run.stderr.contains(".csv:"), "round \(round): no location in \(run.stderr.prefix(200))")
            } else {
                #expect(try zorgrooster("check", path, out).status == 0, "round \(round): \(lines[index]) wrote a roster that fails check")
            }
        }
    }

    @Test("A name that a spreadsheet would take for a formula is written as text; check still passes; a killed run's folder is cleaned")
    func formulaNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good.replacingOccurrences(of: "s1: {level: mbo3, contract_hours: 4}", with: "s1: {name: \"=HYPERLINK(1)\", level: mbo3, contract_hours: 4}"), in: folder)
        let out = folder.appendingPathComponent("out").path
        let stale = folder.appendingPathComponent(".out.new-Xy3kQ9")
        try FileManager.default.createDirectory(at: stale, withIntermediateDirectories: true)
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.contains(",s1,'=HYPERLINK(1),group,"), "\(roster)")
        #expect(try zorgrooster("check", scenario, out).status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale.path))
    }

    @Test("replan over a period: a sick day in week two changes that day only; the weeks before and after stay")
    func replanPeriod() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario("""
        version: 1
        week: 2026-W12
        weeks: 3
        products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
        locations: {huis: {sessions: [{name: ochtend, days: mon-tue, from: "09:00", to: "12:30"}]}}
        staff:
          a: {level: mbo3, contract_hours: 8}
          b: {level: mbo3, contract_hours: 8}
        clients:
        \((1...5).map { "  c\($0): {product: dag, location: huis, attends: [mon ochtend, tue ochtend]}" }.joined(separator: "\n"))
        """, in: folder)
        let before = folder.appendingPathComponent("before").path
        #expect(try zorgrooster("solve", scenario, "--out", before, "--quiet").status == 0)
        let rows = try String(contentsOfFile: before + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let monday = try #require(rows.first { $0.hasPrefix("2026-03-23") })
        let sick = String(monday.split(separator: ",")[4])
        let after = folder.appendingPathComponent("after").path
        let run = try zorgrooster("replan", scenario, "--from", before, "--out", after, "--absent", "\(sick)@2026-03-23", "--quiet")
        #expect(run.status == 0, "\(run.stderr)")
        let changes = try String(contentsOfFile: after + "/changes.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(changes.count == 2 && changes.allSatisfy { $0.hasPrefix("2026-03-23,") }, "\(changes)")
        let kept = try String(contentsOfFile: after + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.filter { !$0.hasPrefix("2026-03-23") } == kept.filter { !$0.hasPrefix("2026-03-23") })
        let report = try String(contentsOfFile: after + "/report.html", encoding: .utf8)
        #expect(report.components(separatedBy: "<h2>Wijzigingen</h2>").count == 4, "a change table per week")
        #expect(report.components(separatedBy: "chip group changed").count == 2, "the one new assignment is marked")
        #expect(try zorgrooster("check", scenario, after, "--set", "staff.\(sick).absent=[2026-03-23]").status == 0)
    }

    @Test("check finds a roster edited by hand to break a rule")
    func checkFindsTampering() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        _ = try zorgrooster("solve", scenario, "--out", out, "--quiet")
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        try roster.replacingOccurrences(of: "09:00,12:30,s1", with: "09:00,12:30,s9").write(toFile: out + "/roster.csv", atomically: true, encoding: .utf8)
        let check = try zorgrooster("check", scenario, out, "--lang", "en")
        #expect(check.status == 1)
        #expect(check.stdout.contains("unknown staff"))
        // Said in Dutch by default, the rule's name too.
        #expect(try zorgrooster("check", scenario, out).stdout.contains("overtreding(en):\n  [onbekende medewerker] "))
    }

    @Test("Bad files exit with 2, say where and what, and write nothing", arguments: [
        ("contract_hours: 4", "contract_hours: -4", "staff.s1.contract_hours", "negative"),
        ("from: \"09:00\"", "from: \"9.00\"", "locations.huis.sessions[0].from", "not a time of day"),
        ("attends: [mon ochtend]}\n  c2", "attends: [mon ochtend]}\n  c2: {product: dag, location: hut}\n  c3", "clients.c2.location", "unknown location `hut`"),
        ("level: mbo3", "level: mbo3, colour: red", "staff.s1.colour", "unknown field `colour`"),
        ("contract_hours: 4", "contract_hours: 4, min_hours: 1e19", "staff.s1.min_hours", "more than can be meant"),
        ("week: 2026-W12", "week: 2026-W99999999999", "week", "ISO week"),
        ("from: \"09:00\"", "from: \"+9:00\"", "locations.huis.sessions[0].from", "not a time of day"),
        ("days: mon,", "days: mon--fri,", "locations.huis.sessions[0].days", "not a day or a range of days"),
        ("contract_hours: 4}}", "contract_hours: 4}}\nappointments: {mdo: {minutes: 60, window: {days: mon, from: \"09:00\", to: \"12:00\"}, roles: []}}", "appointments.mdo.roles", "at least one role"),
    ])
    func badFiles(original: String, replacement: String, path: String, problem: String) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good.replacingOccurrences(of: original, with: replacement), in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("solve", scenario, "--out", out, "--lang", "en")
        #expect(run.status == 2)
        #expect(run.stderr.contains("scenario.yaml:"))
        #expect(run.stderr.contains(path))
        #expect(run.stderr.contains(problem))
        #expect(run.stderr.contains("hint:"))
        // The run's language is Dutch by default: the same problem in Dutch, at the same place.
        let dutch = try zorgrooster("solve", scenario, "--out", out)
        #expect(dutch.status == 2 && dutch.stderr.hasPrefix("Het scenario heeft 1 fout; er is niets gepland.") && dutch.stderr.contains(path), "\(dutch.stderr)")
        #expect(dutch.stderr.contains("tip:") && !dutch.stderr.contains("hint:") && !dutch.stderr.contains(problem), "\(dutch.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        #expect(try zorgrooster("validate", scenario).status == 2)
    }

    @Test("The cause of a bad file first and alone: a broken product or session is its own problem, not one more per client naming it")
    func followOnsSuppressed() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (original, replacement, count) in [("min_level: mbo2", "min_levl: mbo2", 2), ("to: \"12:30\"", "to: \"12.30\"", 1)] {
            let scenario = try writeScenario(Self.good.replacingOccurrences(of: original, with: replacement), in: folder)
            let run = try zorgrooster("validate", scenario, "--lang", "en")
            #expect(run.status == 2)
            #expect(run.stderr.hasPrefix("The scenario has \(count) problem\(count == 1 ? "" : "s")"), "\(run.stderr)")
            #expect(!run.stderr.contains("clients.c1"), "no follow-on for the clients: \(run.stderr)")
        }
    }

    @Test("Command-line values out of range exit with 2 and say the range", arguments: [
        ["--time-limit", "nan"], ["--time-limit", "inf"], ["--time-limit", "1e300"], ["--time-limit", "0"],
        ["--gap", "nan"], ["--gap", "1"], ["--candidates", "-1"], ["--scale-clients", "inf"], ["--scale-clients", "1e9"],
    ])
    func badCommandLine(flags: [String]) throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster(["solve", scenario, "--out", out] + flags)
        #expect(run.status == 2, "\(flags): \(run.status) \(run.stderr)")
        #expect(run.stderr.contains(flags[0]), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test("Hostile names stay text: a CR LF splits no CSV row or calendar line, markup is escaped in the report")
    func hostileNames() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hostile = Self.good.replacingOccurrences(of: "s1: {level: mbo3, contract_hours: 4}",
                                                     with: #"s1: {name: "Anna\r\nX-EVIL:1 <script>alert(1)</script>\u0001\u202Eb", level: mbo3, contract_hours: 4, skills: ["<img src=x onerror=alert(2)>"]}"#)
            .replacingOccurrences(of: "attends: [mon ochtend]}", with: #"attends: [mon ochtend], needs: ["<b>zorg</b>"]}"#)
        let scenario = try writeScenario(hostile, in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("solve", scenario, "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try zorgrooster("check", scenario, out).status == 0, "check reads the program's own roster back")
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!report.contains("<script>alert") && !report.contains("<img src=x") && !report.contains("<b>zorg"))
        #expect(report.contains("&lt;b&gt;zorg&lt;/b&gt;"), "the skill is shown, escaped")
        let calendars = try FileManager.default.contentsOfDirectory(atPath: out + "/calendars")
        for file in calendars {
            let text = try String(contentsOfFile: out + "/calendars/" + file, encoding: .utf8)
            #expect(!text.components(separatedBy: "\r\n").contains { $0.hasPrefix("X-EVIL") }, "\(file)")
            #expect(!text.unicodeScalars.contains { $0.value < 32 && $0 != "\r" && $0 != "\n" }, "\(file): a control character")
            #expect(text.contains("\u{202E}"), "a right-to-left mark is text and stays")
        }
        // The workbook's XML takes no control character and no raw markup.
        let workbook = try Archive(data: try Data(contentsOf: URL(fileURLWithPath: out + "/roster.xlsx")), accessMode: .read)
        let sheets = workbook.filter { $0.path.hasPrefix("xl/worksheets/") }
        #expect(!sheets.isEmpty)
        for entry in sheets {
            var bytes = Data()
            _ = try workbook.extract(entry) { bytes.append($0) }
            let xml = String(decoding: bytes, as: UTF8.self), sheet = entry.path
            #expect(!xml.unicodeScalars.contains { $0.value < 32 && $0 != "\n" && $0 != "\t" && $0 != "\r" }, "\(sheet)")
            #expect(!xml.contains("<b>zorg") && !xml.contains("<script>"), "\(sheet)")
        }
    }

    @Test("Two runs give the same files, also with parts on two threads (the elapsed seconds aside)")
    func deterministic() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Two houses that share no one: two parts, planned on two threads.
        let twoParts = try writeScenario("""
        version: 1
        week: 2026-W12
        products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
        locations:
          a: {sessions: [{name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}]}
          b: {sessions: [{name: middag, days: mon-fri, from: "13:00", to: "16:30"}]}
        staff:
          s1: {level: mbo3, contract_hours: 20, locations: [a]}
          s2: {level: mbo3, contract_hours: 20, locations: [a]}
          s3: {level: mbo3, contract_hours: 20, locations: [b]}
          s4: {level: mbo2, contract_hours: 20, locations: [b]}
        clients:
        \((1...9).map { "  c\($0): {product: dag, location: \($0 % 2 == 0 ? "a" : "b"), attends: [mon \($0 % 2 == 0 ? "ochtend" : "middag"), wed \($0 % 2 == 0 ? "ochtend" : "middag")]}" }.joined(separator: "\n"))
        """, in: folder)
        let bundled = ["dagbesteding-griepweek", "groep-en-ambulant-zorg-dichtbij"].map { Self.packageRoot.appendingPathComponent("scenarios/\($0).yaml").path }
        for scenario in bundled + [twoParts] {
            let name = (scenario as NSString).lastPathComponent
            var outputs: [[String: String]] = []
            for run in 1...2 {
                let out = folder.appendingPathComponent("\(name)-\(run)").path
                #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
                var files: [String: String] = [:]
                for file in ["roster.csv", "uncovered.csv", "capacity.csv", "capacity-by-day.csv", "responsibility.csv", "summary.json"] {
                    let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
                    files[file] = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("solve_seconds") }.joined(separator: "\n")
                }
                outputs.append(files)
            }
            for (file, text) in outputs[0] { #expect(outputs[1][file] == text, "\(name): \(file) differs between runs") }
        }
    }

    @Test("--version says the program and the format it reads")
    func version() throws {
        let run = try zorgrooster("--version")
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("zorgrooster 0."))
        #expect(run.stdout.contains("scenario format 1"))
    }

    @Test("replan after one sick day changes exactly the sick person's sessions and who takes them over; pins are kept or named")
    func replanAndPins() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Monday and Tuesday mornings, 5 clients each (one professional); only a and b work at all,
        // c only on Mondays: whoever is sick on Monday, one free colleague can take over.
        let scenario = try writeScenario("""
        version: 1
        week: 2026-W12
        products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
        locations: {huis: {sessions: [{name: ochtend, days: mon-tue, from: "09:00", to: "12:30"}]}}
        staff:
          a: {level: mbo3, contract_hours: 8}
          b: {level: mbo3, contract_hours: 8}
          c: {level: mbo3, contract_hours: 4, available: [{days: mon, from: "08:00", to: "13:00"}]}
        clients:
        \((1...5).map { "  c\($0): {product: dag, location: huis, attends: [mon ochtend, tue ochtend]}" }.joined(separator: "\n"))
        """, in: folder)
        let before = folder.appendingPathComponent("before").path
        #expect(try zorgrooster("solve", scenario, "--out", before, "--quiet").status == 0)
        let roster = try String(contentsOfFile: before + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        let monday = try #require(roster.first { $0.hasPrefix("2026-03-16") })
        let sick = String(monday.split(separator: ",")[4])
        let after = folder.appendingPathComponent("after").path
        let run = try zorgrooster("replan", scenario, "--from", before, "--out", after, "--absent", "\(sick)@2026-03-16", "--quiet")
        #expect(run.status == 0, "\(run.stderr)")
        let changes = try String(contentsOfFile: after + "/changes.csv", encoding: .utf8).split(separator: "\n")
        #expect(changes.count == 3, "\(changes)")
        #expect(changes.contains { $0 == "2026-03-16,09:00,12:30,\(sick),group huis ochtend,," })
        #expect(changes.contains { $0.hasPrefix("2026-03-16,09:00,12:30,") && $0.hasSuffix(",,group huis ochtend,") && !$0.contains(",\(sick),") })
        let tuesdayBefore = roster.filter { $0.hasPrefix("2026-03-17") }
        let tuesdayAfter = try String(contentsOfFile: after + "/roster.csv", encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("2026-03-17") }
        #expect(tuesdayBefore == tuesdayAfter, "Tuesday is left as it was")
        // Without the absence the contract hours owed differ (hours.csv): check names it, and
        // passes with the same absence.
        let unaware = try zorgrooster("check", scenario, after)
        #expect(unaware.status == 2 && unaware.stderr.contains("--set 'staff.\(sick).absent=[DATE]'"), "\(unaware.stderr)")
        #expect(try zorgrooster("check", scenario, after, "--set", "staff.\(sick).absent=[2026-03-16]").status == 0)
        // The report marks the change: a table of it, and the colleague's new Monday outlined.
        let report = try String(contentsOfFile: after + "/report.html", encoding: .utf8)
        #expect(report.contains("<h2>Wijzigingen</h2>"))
        #expect(report.components(separatedBy: "chip group changed").count == 2, "one new assignment is marked")

        // A pin is kept: c on Monday, whatever the search would have chosen.
        let pins = folder.appendingPathComponent("pins.csv").path
        try (OutputFileHeader.roster + "\n2026-03-16,mon,09:00,12:30,c,c,group,huis,,c1;c2;c3;c4;c5,dag,professional,ochtend\n")
            .write(toFile: pins, atomically: true, encoding: .utf8)
        let pinnedOut = folder.appendingPathComponent("pinned").path
        #expect(try zorgrooster("solve", scenario, "--out", pinnedOut, "--pin", pins, "--quiet").status == 0)
        #expect(try String(contentsOfFile: pinnedOut + "/roster.csv", encoding: .utf8).contains("2026-03-16,mon,09:00,12:30,c,"))
        // A pin the rules forbid (c on Tuesday, outside c's availability) is named, exit 2.
        try (OutputFileHeader.roster + "\n2026-03-17,tue,09:00,12:30,c,c,group,huis,,c1;c2;c3;c4;c5,dag,professional,ochtend\n")
            .write(toFile: pins, atomically: true, encoding: .utf8)
        let refused = try zorgrooster("solve", scenario, "--out", folder.appendingPathComponent("refused").path, "--pin", pins)
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("the pinned group of c"), "\(refused.stderr)")
        #expect(refused.stderr.contains("not available"), "\(refused.stderr)")
    }

    @Test("validate accepts every bundled scenario")
    func bundledScenarios() throws {
        let folder = Self.packageRoot.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(files.count >= 3)
        for file in files {
            let run = try zorgrooster("validate", folder.appendingPathComponent(file).path)
            #expect(run.status == 0, "\(file): \(run.stderr)")
        }
    }

    @Test("A period with end responsibility: later weeks keep the first week's professional, and check passes the period (fixed stays the scenario's)")
    func periodResponsibilityChecks() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario("""
        version: 1
        week: 2026-W12
        weeks: 2
        products: {dag: {setting: group, ratio: 5, min_level: mbo2, responsible_level: mbo4, coordination_minutes: 30}}
        locations: {huis: {sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]}}
        staff: {s1: {level: mbo4, contract_hours: 8}, s2: {level: mbo4, contract_hours: 8}}
        clients:
          c1: {product: dag, location: huis, attends: [mon ochtend]}
          c2: {product: dag, location: huis, attends: [mon ochtend]}
        """, in: folder)
        let out = folder.appendingPathComponent("out").path
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        let rows = try String(contentsOfFile: out + "/responsibility.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(rows.count == 4 && rows.allSatisfy { $0.contains(",false,") }, "\(rows)")
        let checked = try zorgrooster("check", scenario, out)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
    }

    @Test("Huis Eik under the CAO Gehandicaptenzorg: two weeks planned and checked, one person on call a night, on-call out of working time, the lone shifts' breaks in")
    func collectiveAgreementHome() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Self.packageRoot.appendingPathComponent("scenarios/wonen-eik-cao-gehandicaptenzorg.yaml").path
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("solve", scenario, "--out", out, "--quiet", "--time-limit", "20")
        #expect(run.status == 0, "\(run.stderr)")
        let checked = try zorgrooster("check", scenario, out)
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8).split(separator: "\n").dropFirst()
        #expect(roster.filter { $0.hasSuffix(",bereikbaar") }.count == 14, "one person on call each of the 14 nights")
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as? [String: Any]
        let assigned = try #require(summary?["assigned_hours"] as? Double), working = try #require(summary?["working_hours"] as? Double)
        let breaks = try #require(summary?["break_hours"] as? Double)
        // 14 on-call nights of 8 h count nothing, sleeping shifts 75%; Eik has one person on duty
        // at a time, so nobody relieves them and no break is taken out (a lone duty).
        #expect(working < assigned - 14 * 8 && breaks == 0, "assigned \(assigned), working \(working), breaks \(breaks)")
    }

    @Test("compare: golden table and compare.csv on a small file; each variant has its own folder; a broken variant is a row with its error and the rest still solve; --name names the command line's variant")
    func compareGolden() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario("""
        version: 1
        week: 2026-W12
        products: {dag: {setting: group, ratio: 5, min_level: mbo2}}
        locations: {huis: {capacity: 10, sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]}}
        staff: {s1: {level: mbo3, contract_hours: 4, hourly_cost: 38}}
        clients:
          c1: {product: dag, location: huis, attends: [mon ochtend]}
          c2: {product: dag, location: huis, attends: [mon ochtend]}
        variants:
          - {name: "+200% clients", scale_clients: 3}
          - {name: "te vol", set: {locations.huis.capacity: 1}}
          - {name: "zonder s1", remove: [staff.s1]}
        """, in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("compare", scenario, "--out", out, "--set", "staff.s1.hourly_cost=40", "--name", "duurder", "--lang", "en")
        #expect(run.status == 0, "\(run.stderr)")
        let full = "\(scenario):4:12: locations.huis.capacity: 2 clients attend mon ochtend at huis, above its capacity of 1 (raise the capacity to at least 2 or move clients to another session)"
        #expect(run.stderr.contains("variant `te vol` is left out: " + full))
        #expect(run.stdout == """
        zorgrooster compare · scenario (2026-W12)
        variant        clients  demand h   status  coverage  uncovered h  payroll €  extra €  hire h  hire €  total €  Δ total €  Δ coverage  FTE mbo2    gap
        -------------  -------  --------  -------  --------  -----------  ---------  -------  ------  ------  -------  ---------  ----------  --------  -----
        base                 2       3.5  optimal    100.0%          0.0     152.00     0.00     0.0    0.00   152.00      +0.00       +0.0%      0.00  0.00%
        +200% clients        6       7.0  optimal     50.0%          3.5     152.00     0.00     3.5  122.50   274.50    +122.50      -50.0%      0.10  0.00%
        te vol                             failed                                                                                                            
        zonder s1            2       3.5  optimal      0.0%          3.5       0.00     0.00     3.5  122.50   122.50     -29.50     -100.0%      0.10  0.00%
        duurder              2       3.5  optimal    100.0%          0.0     160.00     0.00     0.0    0.00   160.00      +8.00       +0.0%      0.00  0.00%
        te vol: not planned: \(full)
        +200% clients: clients × 3
        zonder s1: without staff.s1
        duurder: staff.s1.hourly_cost = 40
        zonder s1: € 29.50 cheaper, but 3.5 h less care covered (coverage 100.0% → 0.0%)
        Files: \(out)/compare.csv, compare.html and one folder per variant

        """)
        let table = try String(contentsOfFile: out + "/compare.csv", encoding: .utf8)
        #expect(table == """
        variant,folder,clients,demand_hours,status,coverage,assigned_hours,uncovered_hours,cost,hire_hours,payroll,extra_spend,hire_cost,total_cost,\
        fte_gap,fte_gap_mbo2,gap,cost_change,assigned_hours_change,uncovered_hours_change,fte_gap_change,payroll_change,extra_spend_change,\
        hire_cost_change,total_cost_change,coverage_change,fte_mbo3,fte_mbo3_change,changes,error
        base,base,2,3.5,optimal,1,3.5,0,133,0,152,0,0,152,0,0,0,0,0,0,0,0,0,0,0,0,0.097,0,,
        +200% clients,200pct-clients,6,7,optimal,0.5,3.5,3.5,133,3.5,152,0,122.5,274.5,0.097,0.097,0,0,0,3.5,0.097,0,0,122.5,122.5,-0.5,0.097,0,clients × 3,
        te vol,,,,,,,,,,,,,,,,,,,,,,,,,,,,locations.huis.capacity = 1,"\(full)"
        zonder s1,zonder-s1,2,3.5,optimal,0,0,3.5,0,3.5,0,0,122.5,122.5,0.097,0.097,0,-133,-3.5,3.5,0.097,-152,0,122.5,-29.5,-1,0,-0.097,without staff.s1,
        duurder,duurder,2,3.5,optimal,1,3.5,0,140,0,160,0,0,160,0,0,0,7,0,0,0,8,0,0,8,0,0.097,0,staff.s1.hourly_cost = 40,

        """)
        let page = try String(contentsOfFile: out + "/compare.html", encoding: .utf8)
        #expect(page.contains("+€ 8.00") && page.contains("−€ 29.50") && page.contains("less care covered") && page.contains("not planned") && page.contains("What changes"), "the difference from the base and the failure are shown, in the run's language")
        // A command-line edit that breaks a rule is said to come from the command line.
        let broken = try zorgrooster("compare", scenario, "--out", folder.appendingPathComponent("out2").path, "--set", "locations.huis.capacity=1")
        #expect(broken.status == 0)
        #expect(broken.stderr.contains("the command line's edits (locations.huis.capacity = 1) make the scenario invalid"), "\(broken.stderr)")
        #expect(try zorgrooster("check", scenario, out + "/base").status == 0)
        for (name, variant) in [("+200% clients", "200pct-clients"), ("zonder s1", "zonder-s1")] {
            let check = try zorgrooster("check", scenario, out + "/" + variant, "--variant", name)
            #expect(check.status == 0, "\(variant): \(check.stdout)")
        }
        // The base's own files equal a plain solve's: the variants did not touch it.
        let solo = folder.appendingPathComponent("solo").path
        _ = try zorgrooster("solve", scenario, "--out", solo, "--quiet")
        for file in ["roster.csv", "uncovered.csv", "capacity.csv"] {
            #expect(try String(contentsOfFile: solo + "/" + file, encoding: .utf8)
                == String(contentsOfFile: out + "/base/" + file, encoding: .utf8), "\(file)")
        }
    }

    @Test("solve --set and --remove change only this run; a bad path is bad input (exit 2)")
    func solveWithEdits() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        let run = try zorgrooster("solve", scenario, "--out", out, "--set", "products.dag.ratio=1", "--quiet")
        #expect(run.status == 0, "\(run.stderr)")
        let uncovered = try String(contentsOfFile: out + "/uncovered.csv", encoding: .utf8)
        #expect(uncovered.split(separator: "\n").count == 2)
        let bad = try zorgrooster("solve", scenario, "--out", out, "--set", "products.dgg.ratio=1", "--lang", "en")
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("`products.dgg.ratio` names no field"))
    }

    @Test("solve --csv-locale nl writes Dutch-Excel CSV that check reads back")
    func dutchCSV() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try writeScenario(Self.good, in: folder)
        let out = folder.appendingPathComponent("out").path
        #expect(try zorgrooster("solve", scenario, "--out", out, "--csv-locale", "nl", "--quiet").status == 0)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: out + "/roster.csv"))
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "a UTF-8 byte-order mark first")
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.contains("date;day;start;end;staff_id;"))
        #expect(roster.contains(";\"c1;c2\";dag;professional;ochtend"))
        let capacity = try String(contentsOfFile: out + "/capacity.csv", encoding: .utf8)
        #expect(capacity.contains("mbo2;;3,5;"))
        #expect(try zorgrooster("check", scenario, out).status == 0)
    }

    @Test("explain says why the flu week's Thursday morning at De Eik has no lead: who is absent, elsewhere, at the limit")
    func explainKnownCase() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = Self.packageRoot.appendingPathComponent("scenarios/dagbesteding-griepweek.yaml").path
        let out = folder.appendingPathComponent("out").path
        #expect(try zorgrooster("solve", scenario, "--out", out, "--quiet").status == 0)
        let run = try zorgrooster("explain", out, "--session", "eik", "thu", "ochtend")
        #expect(run.status == 0, "\(run.stderr)")
        // The run's language (Dutch by default), people by name with the id in brackets.
        #expect(run.stdout.hasPrefix("Sessie eik thu ochtend (2026-03-19 09:00–12:30)\nIngeroosterd:\n"))
        #expect(run.stdout.contains("""
          • mbo4 of hoger in de dienst (keuze aanbieder: lead_level) (3.5 uur)
            waarom: geen professional van mbo4 of hoger aanwezig voor de eindverantwoordelijkheid
            van 4 gekwalificeerd:
              - Esra Yilmaz (s05), Hanneke de Boer (s08): afwezig op 2026-03-19
              - Anouk de Vries (s01): werkt niet op deze locatie
              - Bram Jansen (s02): bezig bij linde thu ochtend
        """), "working elsewhere then, said before the hours: \(run.stdout)")
        // --staff: Bram's week, his hours short of contract and what kept him out, the hours
        // limit as a sum a planner can check (how far above depends on the week he was given).
        let bram = try zorgrooster("explain", out, "--staff", "s02")
        #expect(bram.status == 0 && bram.stdout.hasPrefix("Medewerker Bram Jansen (s02)\nContract 28 uur"), "\(bram.stdout)\(bram.stderr)")
        #expect(bram.stdout.contains("uur gewerkt deze week + 3.5 uur hier = ") && bram.stdout.contains("van ten hoogste 14 uur (max_hours)"), "\(bram.stdout)")
        #expect(bram.stdout.contains("Onder contract 14 uur: 14 uur hield een regel weg"), "\(bram.stdout)")
        #expect(try zorgrooster("explain", out, "--staff", "s99").status == 2)
        // A morning at De Linde with nothing uncovered (which one depends on ties in the roster).
        let short = try String(contentsOfFile: out + "/uncovered.csv", encoding: .utf8)
        let days = [("mon", "2026-03-16"), ("tue", "2026-03-17"), ("wed", "2026-03-18"), ("thu", "2026-03-19"), ("fri", "2026-03-20")]
        let covered = try #require(days.first { !short.contains("\($0.1),\($0.0),09:00,12:30,group,linde") })
        let calm = try zorgrooster("explain", out, "--session", "linde", covered.0, "ochtend")
        #expect(calm.stdout.contains("Hier is niets ongedekt"), "\(calm.stdout)")
        // The same in English when the run was in English; the CSV's own columns stay the contract's.
        let english = folder.appendingPathComponent("en").path
        #expect(try zorgrooster("solve", scenario, "--out", english, "--quiet", "--lang", "en").status == 0)
        let told = try zorgrooster("explain", english, "--session", "eik", "thu", "ochtend")
        #expect(told.stdout.hasPrefix("Session eik thu ochtend (2026-03-19 09:00–12:30)\nRostered:\n"))
        #expect(told.stdout.contains("""
          • lead professional (mbo4 or higher) (3.5 h)
            why: no professional of mbo4 or higher present to hold end responsibility
            of 4 qualified:
              - Esra Yilmaz (s05), Hanneke de Boer (s08): absent on 2026-03-19
              - Anouk de Vries (s01): does not work at this location
              - Bram Jansen (s02): busy at linde thu ochtend
        """), "\(told.stdout)")
        let csv = try String(contentsOfFile: out + "/uncovered.csv", encoding: .utf8)
        #expect(csv.contains("lead professional (mbo4 or higher),3.5,\"no professional of mbo4 or higher present to hold end responsibility; of 4 qualified: s05, s08: absent on 2026-03-19;"))
        #expect(csv.contains("mbo4 of hoger in de dienst (keuze aanbieder: lead_level)"))
        #expect(try zorgrooster("explain", folder.path).status == 2)
        // A session or client that is not there is a mistake, not an all-clear.
        for wrong in [["--session", "eik", "wed", "middernacht"], ["--session", "eik", "fri", "morning"], ["--client", "c99"]] {
            let answer = try zorgrooster(["explain", out] + wrong)
            #expect(answer.status == 2, "\(wrong): \(answer.stdout)")
            #expect(!answer.stdout.contains("every rule is met"))
        }
        #expect(try zorgrooster("explain", out, "--session", "eik", "fri", "ochtend", "--client", "x").status == 2)
        // With what was meant, or what is there.
        #expect(try zorgrooster("explain", out, "--session", "eikk", "fri", "ochtend").stderr.contains("location: bedoelt u `eik`?"))
        #expect(try zorgrooster("explain", out, "--session", "eik", "fri", "morning").stderr.contains("sessions at eik: middag, ochtend"))
        #expect(try zorgrooster("explain", out, "--client", "c099").stderr.contains("bedoelt u `c09`?"))
    }

    @Test("init writes a starter scenario that validates and solves; it never overwrites without --force")
    func initStarter() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("start.yaml").path
        #expect(try zorgrooster("init", path).status == 0)
        #expect(try zorgrooster("validate", path).status == 0)
        let out = folder.appendingPathComponent("out").path
        #expect(try zorgrooster("solve", path, "--out", out, "--quiet").status == 0)
        #expect(try zorgrooster("check", path, out).status == 0)
        #expect(try zorgrooster("init", path).status == 2)
        #expect(try zorgrooster("init", path, "--force").status == 0)
        // --force replaces a scenario file, never a pipe, a folder or a link's target.
        let pipe = folder.appendingPathComponent("pipe").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let link = folder.appendingPathComponent("link.yaml").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: path)
        for target in [pipe, folder.path, link] {
            let refused = try zorgrooster("init", target, "--force")
            #expect(refused.status == 2 && refused.stderr.contains("is not a regular file"), "\(target): \(refused.stderr)")
        }
        let attributes = try FileManager.default.attributesOfItem(atPath: pipe)
        #expect(attributes[.type] as? FileAttributeType != .typeRegular, "the pipe is still a pipe")
    }

    @Test("every command's --help shows an example")
    func helpExamples() throws {
        for command in ["solve", "compare", "estimate", "explain", "init", "check", "validate"] {
            let run = try zorgrooster(command, "--help")
            #expect(run.stdout.contains("zorgrooster \(command) "), "\(command) --help has no example")
        }
    }
}

/// The header row of roster.csv, as the contract gives it.
enum OutputFileHeader {
    static let roster = "date,day,start,end,staff_id,staff_name,activity,location,area,clients,product,role,ref"
}
