import Foundation
import Testing

/// The board over a period of two weeks, through its API: a move that breaks the rest after a
/// series of nights refused with that rule, a legal one made, publishing twice (each changed
/// calendar event one version higher each time), and a sick call whose proposal is `replan`'s.
@Suite("The planning board over a period")
struct BoardPeriodTests {
    /// Three nights and a Friday day shift each week; s1 is given Monday's and Tuesday's nights
    /// and the Friday, s2 the Wednesday night (the solve's answer, deterministic).
    static let scenario = """
    # Board over two weeks: three nights and a Friday day shift each week.
    version: 1
    name: nachten
    week: 2026-W12
    weeks: 2
    products:
      dag: {setting: group, ratio: 5, min_level: mbo2}
    locations:
      huis:
        area: "1000"
        sessions:
          - {name: nacht, days: mon-wed, from: "23:00", to: "07:00", min_staff: 1}
          - {name: dag, days: fri, from: "09:00", to: "17:00"}
    staff:
      s1: {level: mbo3, contract_hours: 24, max_hours: 40}
      s2: {level: mbo3, contract_hours: 8, max_hours: 40}
    clients:
      c1: {product: dag, location: huis, attends: [fri dag]}
    labour_rules: {breaks: []}
    """

    func slot(_ who: String, _ date: String, _ session: String) -> String {
        "{\"staff_id\": \"\(who)\", \"date\": \"\(date)\", \"location\": \"huis\", \"session\": \"\(session)\"}"
    }

    /// The SEQUENCE of the event of `calendar` on `date` (compact, 20260327).
    func sequence(_ calendar: String, on date: String) -> String? {
        let events = calendar.components(separatedBy: "BEGIN:VEVENT").dropFirst()
        guard let event = events.first(where: { $0.contains("DTSTART;TZID=Europe/Amsterdam:\(date)") }) else { return nil }
        return event.split(whereSeparator: \.isNewline).first { $0.hasPrefix("SEQUENCE:") }.map { String($0.dropFirst(9)) } ?? "0"
    }

    @Test("Two weeks on the board: the 46 h rest after three nights refuses a move in week 2; a swap made; two publishes raise SEQUENCE to 1 then 2; a sick call proposes what replan does")
    func periodBoard() throws {
        let cli = CommandLineTests(), api = BoardTests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try cli.writeScenario(Self.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path
        let board = try BoardTests.start(["serve", scenario, out, "--port", "0", "--time-limit", "5"])
        defer { board.process.terminate(); board.process.waitUntilExit() }
        let address = try #require(board.address, "\(board.said)")
        let base = try #require(URL(string: address))
        let roster = try api.call(base.appendingPathComponent("api/roster"))
        #expect(roster.body.contains("\"weeks\":2") && roster.body.contains("2026-W12–2026-W13") && roster.body.contains("\"passes_check\":true"), "\(roster.body)")
        #expect(roster.body.contains("\"date\":\"2026-03-27\""), "week 2's rows on the board")

        // s1 on week 2's Wednesday night too: three nights in a row, then Friday 26 h after the last.
        let series = try api.call(base.appendingPathComponent("api/check"), method: "POST",
                                  body: "{\"remove\": [\(slot("s2", "2026-03-25", "nacht"))], \"add\": [\(slot("s1", "2026-03-25", "nacht"))]}")
        #expect(series.status == 200 && series.body.contains("\"allowed\":false") && series.body.contains("rest_after_night_series_hours"), "\(series.body)")
        // A move across weeks is refused as such.
        let across = try api.call(base.appendingPathComponent("api/check"), method: "POST",
                                  body: "{\"remove\": [\(slot("s1", "2026-03-20", "dag"))], \"add\": [\(slot("s2", "2026-03-27", "dag"))]}")
        #expect(across.status == 400 && across.body.contains("one week"), "\(across.body)")

        // Week 2's Friday from s1 to s2: allowed and made; published; check passes on the period folder.
        let swap = try api.call(base.appendingPathComponent("api/move"), method: "POST",
                                body: "{\"remove\": [\(slot("s1", "2026-03-27", "dag"))], \"add\": [\(slot("s2", "2026-03-27", "dag"))]}")
        #expect(swap.body.contains("\"applied\":true"), "\(swap.body)")
        #expect(try api.call(base.appendingPathComponent("api/publish"), method: "POST", body: "{}").status == 200)
        #expect(try cli.zorgrooster("check", scenario, out).status == 0)
        let s1 = try String(contentsOfFile: out + "/calendars/s1.ics", encoding: .utf8)
        let s2 = try String(contentsOfFile: out + "/calendars/s2.ics", encoding: .utf8)
        #expect(sequence(s1, on: "20260327") == "1" && s1.contains("STATUS:CANCELLED"), "s1's Friday cancelled as version 1:\n\(s1)")
        #expect(sequence(s2, on: "20260327") == "1", "s2's new Friday as version 1")
        #expect(sequence(s1, on: "20260320") == "0", "week 1's Friday unchanged")

        // And back: the second publish raises both once more.
        let back = try api.call(base.appendingPathComponent("api/move"), method: "POST",
                                body: "{\"remove\": [\(slot("s2", "2026-03-27", "dag"))], \"add\": [\(slot("s1", "2026-03-27", "dag"))]}")
        #expect(back.body.contains("\"applied\":true"), "\(back.body)")
        #expect(try api.call(base.appendingPathComponent("api/publish"), method: "POST", body: "{}").status == 200)
        let s1Again = try String(contentsOfFile: out + "/calendars/s1.ics", encoding: .utf8)
        let s2Again = try String(contentsOfFile: out + "/calendars/s2.ics", encoding: .utf8)
        #expect(sequence(s1Again, on: "20260327") == "2", "\(s1Again)")
        #expect(sequence(s2Again, on: "20260327") == "2" && s2Again.contains("STATUS:CANCELLED"), "\(s2Again)")

        // A sick call in week 2: the proposal's changes are replan's changes.csv rows.
        let sick = try api.call(base.appendingPathComponent("api/absence"), method: "POST",
                                body: "{\"staff_id\": \"s2\", \"date\": \"2026-03-25\", \"time_limit_seconds\": 5}")
        #expect(sick.status == 200, "\(sick.body)")
        let proposal = try #require(try JSONSerialization.jsonObject(with: Data(sick.body.utf8)) as? [String: Any])
        let changes = try #require(proposal["changes"] as? [[String: Any]])
        let said = Set(changes.map { "\($0["date"]!),\($0["start"]!),\($0["end"]!),\($0["staff_id"]!),\($0["before"]!),\($0["after"]!)" })
        let replanned = folder.appendingPathComponent("ziek").path
        let run = try cli.zorgrooster("replan", scenario, "--from", out, "--out", replanned, "--absent", "s2@2026-03-25", "--time-limit", "5")
        #expect(run.status == 0, "\(run.stderr)")
        let csv = try String(contentsOfFile: replanned + "/changes.csv", encoding: .utf8).split(whereSeparator: \.isNewline).dropFirst()
        let written = Set(csv.map { line in line.split(separator: ",", omittingEmptySubsequences: false).prefix(6).joined(separator: ",") })
        #expect(!said.isEmpty && said == written, "board \(said) replan \(written)")
        let progress = try api.call(base.appendingPathComponent("api/progress"))
        #expect(progress.body.contains("\"running\":false") && progress.body.contains("s2 afwezig op 2026-03-25"), "\(progress.body)")
    }
}
