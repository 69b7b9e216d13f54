import Foundation
import Testing

/// The board in a real browser (Chromium driven by Selenium): a person dragged onto a session
/// they may not work sees the rule on the cell before the drop, and the drop changes nothing.
@Suite("The planning board in a browser")
struct BoardBrowserTests {
    static let ready: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        return (try? CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import selenium"]).status) == 0
    }()

    @Test("Dragging Gijs (De Linde only) onto De Eik's Tuesday afternoon: red before the drop, with the reason; refused on the drop",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func dragShowsTheRule() throws {
        let cli = CommandLineTests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = CommandLineTests.packageRoot
        let board = try BoardTests.start(["serve", root.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path,
                                           folder.appendingPathComponent("out").path, "--port", "0", "--time-limit", "5"])
        defer { board.process.terminate(); board.process.waitUntilExit() }
        let address = try #require(board.address, "\(board.said)")
        let run = try CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"),
                                           ["python3", root.appendingPathComponent("Tests/CLITests/Browser/drag.py").path, address, "s07", "eik", "2026-03-17", "middag"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], "\(run.stdout)\(run.stderr)")
        let before = try #require(result["before"] as? [String: String])
        #expect(before["outline"]?.contains("198, 40, 40") == true, "red before the drop: \(before)")
        #expect(before["title"]?.contains("locatie") == true || before["title"]?.contains("regel") == true, "the rule named: \(before)")
        #expect((result["answer"] as? String)?.isEmpty == false, "the drop's refusal said: \(result)")
        let roster = try String(contentsOfFile: folder.appendingPathComponent("out/roster.csv").path, encoding: .utf8)
        #expect(!roster.contains("2026-03-17,tue,13:00,16:30,s07,"), "nothing moved")
    }
}
