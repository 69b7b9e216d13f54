import Foundation
import Testing

/// `check` accepts every folder `solve` writes and refuses damaged ones (issue "Nothing lost").
@Suite("check: as strict as it says")
struct CheckStrictnessTests {
    static let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
    static let oddMinutes = CommandLineTests.packageRoot.appendingPathComponent("Tests/CLITests/Replans/odd-minutes.yaml").path

    func zorgrooster(_ arguments: String...) throws -> CommandLineTests.Run { try CommandLineTests.run(Self.binary, arguments) }

    @Test("Sessions of odd minutes (00:01, 23:59): check passes solve's own folder, the uncovered hours rounded per row")
    func oddMinutes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-strict-\(UUID().uuidString)")
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
    }
}
