import Foundation
import Testing

/// The board in a real browser (Chromium driven by Selenium): drags with the verdict shown
/// before the drop (sessions, visits, the off field, a swap), a sick call accepted and published,
/// part of a period shown, who can take a red place.
@Suite("The planning board in a browser")
struct BoardBrowserTests {
    static let ready: Bool = {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") else { return false }
        return (try? CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import selenium"]).status) == 0
    }()

    @Test("Dragging Gijs (De Linde only) onto De Eik's Tuesday afternoon: red before the drop, with the reason; refused on the drop",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func dragShowsTheRule() throws {
        let board = try ServedBoard("dagbesteding-de-linde.yaml")
        let result = try board.browse("drag.py", ["s07", "eik", "2026-03-17", "middag"])
        let before = try #require(result["before"] as? [String: String])
        #expect(before["outline"]?.contains("198, 40, 40") == true, "red before the drop: \(before)")
        #expect(before["title"]?.contains("locatie") == true || before["title"]?.contains("regel") == true, "the rule named: \(before)")
        #expect((result["answer"] as? String)?.isEmpty == false, "the drop's refusal said: \(result)")
        let roster = try String(contentsOfFile: board.out + "/roster.csv", encoding: .utf8)
        #expect(!roster.contains("2026-03-17,tue,13:00,16:30,s07,"), "nothing moved")
    }

    @Test("A sick call in the browser: s04 absent on Monday, the proposal shown as its changes, accepted (version 2), published",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func sickCallAcceptPublish() throws {
        let board = try ServedBoard("dagbesteding-de-linde.yaml")
        let result = try board.browse("flow.py", ["s04", "2026-03-16"])
        #expect((result["proposal"] as? String)?.contains("s04 afwezig op 2026-03-16") == true, "\(result)")
        #expect((result["changes"] as? Int ?? -1) >= 1, "the changes listed: \(result)")
        #expect((result["heading"] as? String)?.contains("versie 2") == true, "accepted: \(result)")
        #expect((result["published"] as? String)?.contains("gepubliceerd: versie 1") == true, "\(result)")
        let roster = try String(contentsOfFile: board.out + "/roster.csv", encoding: .utf8)
        #expect(!roster.split(separator: "\n").contains { $0.hasPrefix("2026-03-16,mon") && $0.contains(",s04,") }, "s04 has no work on the published Monday")
        // The folder was planned with the absence, as `replan --absent` plans: check is told it.
        let check = try CommandLineTests().zorgrooster("check", board.scenario, board.out, "--set", "staff.s04.absent=[2026-03-16]")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test("A visit dragged from one person's day to another's: red on Dirk (mbo3) with the level named, refused on the drop; green on someone free and qualified, made on the drop (version 2)",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func dragVisit() throws {
        let board = try ServedBoard("groep-en-ambulant-zorg-dichtbij.yaml")
        // A visit on the roster, and someone the board says may take it.
        let client = BoardClientWorkTests()
        let (holder, clientID, date, start, taker) = try #require(try client.handOver(board.base), "a visit someone else may take")
        let result = try board.browse("work.py", [holder, clientID, date, "m04", taker])
        let refused = try #require(result["refused"] as? [String: String])
        #expect(refused["outline"]?.contains("198, 40, 40") == true && refused["title"]?.contains("mbo4 of hoger") == true, "\(refused)")
        #expect((result["answer"] as? String)?.contains("mbo4 of hoger") == true, "the drop's refusal said: \(result)")
        let allowed = try #require(result["allowed"] as? [String: String])
        #expect(allowed["outline"]?.contains("46, 125, 50") == true, "green before the drop: \(allowed)")
        #expect((result["heading"] as? String)?.contains("versie 2") == true, "made: \(result)")
        #expect(try client.rows(board.base, "visit").contains { $0["staff_id"] as? String == taker && $0["date"] as? String == date && $0["start"] as? String == start })
    }

    @Test("Part of a four-week period shown: the selector offers the four weeks and 1 to 4 of them; from week 13, two weeks show weeks 13 and 14 only",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func periodSelector() throws {
        let board = try ServedBoard("wonen-eik-vier-weken.yaml", timeLimit: "8")
        let result = try board.browse("period.py")
        #expect(result["offered"] as? [String] == ["Week 2026-W12", "Week 2026-W13", "Week 2026-W14", "Week 2026-W15"], "\(result)")
        #expect(result["lengths"] as? [String] == ["1", "2", "3", "4"], "\(result)")
        #expect(result["shown"] as? [String] == ["week-2026-W13", "week-2026-W14"], "\(result)")
    }

    @Test("A visit dragged onto the panel's off field: red, the visit left undone named, refused; dragged onto another person's visit that may swap: green, swapped (version 2)",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func offAndSwap() throws {
        let board = try ServedBoard("groep-en-ambulant-zorg-dichtbij.yaml")
        let client = BoardClientWorkTests()
        let kept = try #require(try client.keptOn(board.base), "a visit someone free could make if it were taken off")
        let pair = try #require(try client.swappable(board.base), "two visits that may swap")
        let result = try board.browse("swap.py", [kept.0, kept.1, kept.2, pair.a.0, pair.a.1, pair.b.0, pair.b.1, pair.date])
        let off = try #require(result["off"] as? [String: String])
        #expect(off["verdict"] == "refused" && off["title"]?.contains("een bezoek") == true, "\(off)")
        let swap = try #require(result["swap"] as? [String: String])
        #expect(swap["verdict"] == "allowed" && swap["outline"]?.contains("46, 125, 50") == true, "\(swap)")
        #expect((result["heading"] as? String)?.contains("versie 2") == true, "made: \(result)")
        let visits = try client.rows(board.base, "visit").filter { $0["date"] as? String == pair.date }
        #expect(visits.contains { $0["staff_id"] as? String == pair.a.0 && ($0["clients"] as? [String]) == [pair.b.1] }, "\(visits)")
        #expect(visits.contains { $0["staff_id"] as? String == pair.b.0 && ($0["clients"] as? [String]) == [pair.a.1] }, "\(visits)")
    }

    @Test("A red place clicked in the griepweek: who can take it, as a table; on a maximal roster no one may, each with the rule (an mbo2 meets none of what the session lacks)",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func whoForAGap() throws {
        let board = try ServedBoard("dagbesteding-griepweek.yaml")
        let answer = try BoardTests().call(board.base.appendingPathComponent("api/roster"))
        let roster = try #require(try JSONSerialization.jsonObject(with: Data(answer.body.utf8)) as? [String: Any])
        let gap = try #require((roster["uncovered"] as? [[String: Any]])?.first { !($0["location"] as? String ?? "").isEmpty }, "a session short in the flu week")
        let (location, date, session) = (gap["location"] as! String, gap["date"] as! String, gap["ref"] as! String)
        let result = try board.browse("who.py", [location, date, session])
        #expect((result["heading"] as? String)?.contains("Wie kan dit? \(location) \(date) \(session)") == true, "\(result)")
        let rows = try #require(result["rows"] as? [[String]])
        #expect(!rows.isEmpty && rows.allSatisfy { $0.count == 6 && $0[1] == "✗" && !$0[2].isEmpty }, "no one may take a place the maximal roster left short: \(rows)")
    }

    @Test("An open visit clicked in the list of what is not covered: who could make it this week; on the maximal roster no one may, each with the rule",
          .enabled(if: ready, "chromium-driver or Selenium is not installed here (scripts/install-chromium.sh installs them); skipped"))
    func whoForAnOpenVisit() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CommandLineTests().writeScenario(BoardClientWorkTests.openVisit, in: folder)
        let board = try ServedBoard(scenario)
        let result = try board.browse("who.py", ["visit", "carla"])
        #expect((result["heading"] as? String)?.contains("Wie kan dit? visit carla 2026-03-16") == true, "\(result)")
        let rows = try #require(result["rows"] as? [[String]])
        // No one may, so no "when" column: six cells a row.
        #expect(rows.count == 3 && rows.allSatisfy { $0.count == 6 && $0[1] == "✗" && !$0[2].isEmpty }, "\(rows)")
    }
}
