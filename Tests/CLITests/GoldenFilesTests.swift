import CareDomain
import Foundation
import Planning
import ScenarioFormat
import Testing
import ZorgroosterRun

/// Golden files (as swift-argument-parser's snapshot tests): every command's `--help`, and the
/// output files of one bundled scenario (De Linde, solved to its proven optimum), byte for byte.
/// `ZORGROOSTER_UPDATE_GOLDEN=1 swift test --filter GoldenFiles` writes them anew after a
/// deliberate change; the diff then shows what users will see differ.
@Suite("Golden files")
struct GoldenFilesTests {
    static let folder = CommandLineTests.packageRoot.appendingPathComponent("Tests/CLITests/Golden")
    static let updating = ProcessInfo.processInfo.environment["ZORGROOSTER_UPDATE_GOLDEN"] == "1"

    func compare(_ text: String, golden name: String) throws {
        let path = Self.folder.appendingPathComponent(name)
        if Self.updating {
            try text.write(to: path, atomically: true, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: path, encoding: .utf8)
        if text != expected {
            let got = text.components(separatedBy: "\n"), want = expected.components(separatedBy: "\n")
            let first = zip(got, want).enumerated().first { $0.element.0 != $0.element.1 }
            Issue.record("\(name) differs from its golden file at line \((first?.offset ?? min(got.count, want.count)) + 1): got `\(first?.element.0 ?? "(end)")`, golden `\(first?.element.1 ?? "(end)")`")
        }
    }

    @Test("--help of every command", arguments: ["solve", "replan", "render", "compare", "estimate", "check", "validate", "explain", "init"])
    func help(command: String) throws {
        let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        let run = try CommandLineTests.run(binary, [command, "--help"], environment: ["COLUMNS": "100"])
        #expect(run.status == 0)
        try compare(run.stdout, golden: "help-\(command).txt")
    }

    @Test("De Linde's output files")
    func deLinde() throws {
        let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("zr-golden-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let scenario = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path
        #expect(try CommandLineTests.run(binary, ["solve", scenario, "--out", out, "--quiet", "--time-limit", "60"]).status == 0)
        for file in ["roster.csv", "uncovered.csv", "capacity.csv", "capacity-by-day.csv", "responsibility.csv", "roster-by-person.csv", "summary.json"] {
            var text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            // The elapsed seconds are the one figure that differs between runs.
            if file == "summary.json" { text = text.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains("\"solve_seconds\"") }.joined(separator: "\n") }
            try compare(text, golden: "de-linde-" + file)
        }
    }

    @Test("The run reached as a library (no command line): De Linde planned, checked and its files made equal the golden ones")
    func runAsLibrary() throws {
        let scenario = try ScenarioLoader.load(path: CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path)
        let weeks = try planPeriod(scenario, options: PlanningOptions(timeLimitSeconds: 60))
        let files = try periodOutputFiles(weeks, language: .nl)
        #expect(weeks.count == 1 && weeks[0].outcome.roster.assignments.count == 33)
        for file in ["roster.csv", "uncovered.csv", "capacity.csv", "responsibility.csv", "roster-by-person.csv"] {
            #expect(files[file] == (try String(contentsOf: Self.folder.appendingPathComponent("de-linde-" + file), encoding: .utf8)), "\(file)")
        }
        // The workbook is made from the same files.
        #expect(try localized(files, locale: .plain)["roster.xlsx"]?.isEmpty == false)
    }

    @Test("explain reached as a library: a folder read once, a client it does not hold is an error with what was meant")
    func explainAsLibrary() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("zr-explain-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        let scenario = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-griepweek.yaml").path
        #expect(try CommandLineTests.run(binary, ["solve", scenario, "--out", out, "--quiet"]).status == 0)
        let explanation = try FolderExplanation(folder: out)
        #expect(explanation.language == .nl)
        let answer = try explanation.answer(client: nil, session: ["eik", "thu", "ochtend"])
        #expect(answer.contains("van 4 gekwalificeerd:"))
        do {
            _ = try explanation.answer(client: "c099", session: [])
            Issue.record("an unknown client got an answer")
        } catch {
            #expect(error.exitCode == 2 && error.description.contains("did you mean `c09`?"))
        }
    }

    @Test("compare reached as a library: the base and each variant planned and checked, a broken variant a row with its error")
    func compareAsLibrary() throws {
        let path = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde-wat-als.yaml").path
        let base = try ScenarioLoader.load(path: path)
        let broken = try ScenarioVariant(name: "te vol", scaleClients: nil, set: ["locations.linde.capacity=2"], remove: [])
        let comparison = try Comparison(path: path, base: base, variants: [broken], commandLine: broken, language: .en) { _, _ in
            PlanningOptions(timeLimitSeconds: 20)
        }
        #expect(comparison.rows.map(\.name) == ["base", "te vol"])
        #expect(comparison.rows[0].error == nil && comparison.rows[0].summary.coverage == 1)
        #expect(comparison.rows[1].error?.hasPrefix("the command line's edits (locations.linde.capacity = 2) make the scenario invalid") == true)
        #expect(comparison.files["compare.csv"] != nil && comparison.files["base/roster.csv"] != nil)
    }
}
