import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `serve`: the planning board as a real HTTP server, driven through its API as a browser or a
/// provider's system would.
@Suite("The planning board")
struct BoardTests {
    /// One request, waited for: status and body.
    func call(_ url: URL, method: String = "GET", token: String? = nil, body: String? = nil) throws -> (status: Int, body: String) {
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let body {
            request.httpBody = Data(body.utf8)
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        }
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String) = (0, "")
        URLSession.shared.dataTask(with: request) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
            done.signal()
        }.resume()
        _ = done.wait(timeout: .now() + 60)
        return result
    }

    /// Starts `zorgrooster ARGUMENTS` (a `serve`) and waits for the address it says once it
    /// listens (the week solved first when the folder is empty). The caller stops the process.
    static func start(_ arguments: [String]) throws -> (process: Process, address: String?, said: String) {
        let process = Process()
        process.executableURL = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        var said = ""
        let started = Date()
        while !said.contains("http://"), Date().timeIntervalSince(started) < 120 {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { Thread.sleep(forTimeInterval: 0.1) } else { said += String(decoding: data, as: UTF8.self) }
        }
        return (process, said.split(separator: " ").first { $0.hasPrefix("http://") }.map(String.init), said)
    }

    @Test("serve: the roster, a move's verdict before it is made, who can take a place, a swap made, published as a folder check passes; a token asked")
    func board() throws {
        let cli = CommandLineTests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try cli.writeScenario(RenderTests.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path
        let board = try Self.start(["serve", scenario, out, "--port", "0", "--token", "geheim", "--time-limit", "5"])
        defer { board.process.terminate(); board.process.waitUntilExit() }
        let (address, said) = (try #require(board.address, "\(board.said)"), board.said)
        let base = try #require(URL(string: address))
        #expect(said.contains("Planbord op"), "Dutch by default: \(said)")

        #expect(try call(base.appendingPathComponent("api/roster")).status == 401, "no token, no roster")
        let roster = try call(base.appendingPathComponent("api/roster"), token: "geheim")
        #expect(roster.status == 200 && roster.body.contains("\"passes_check\":true"), "\(roster.body)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(roster.body.utf8)) as? [String: Any])
        let rows = try #require(json["rows"] as? [[String: Any]])
        #expect(rows.count == 2)
        let tuesday = try #require(rows.first { $0["date"] as? String == "2026-03-17" })
        let person = try #require(tuesday["staff_id"] as? String), other = person == "s1" ? "s2" : "s1"
        let slot = { (who: String) in "{\"staff_id\": \"\(who)\", \"date\": \"2026-03-17\", \"location\": \"huis\", \"session\": \"ochtend\"}" }

        // Taking Tuesday's person off leaves the clients without anyone while the other is free: refused, said why.
        let off = try call(base.appendingPathComponent("api/check"), method: "POST", token: "geheim", body: "{\"remove\": [\(slot(person))]}")
        #expect(off.status == 200 && off.body.contains("\"allowed\":false") && off.body.contains("vrije, gekwalificeerde medewerker"), "\(off.body)")
        // Who can take it: the other person, free and qualified, first.
        let query = base.appendingPathComponent("api/candidates").absoluteString + "?location=huis&date=2026-03-17&session=ochtend"
        let who = try call(try #require(URL(string: query)), token: "geheim")
        #expect(who.status == 200 && who.body.contains("\"staff_id\":\"\(other)\""), "\(who.body)")
        let ranked = try #require((try JSONSerialization.jsonObject(with: Data(who.body.utf8)) as? [String: Any])?["candidates"] as? [[String: Any]])
        #expect(ranked.first?["staff_id"] as? String == other && ranked.first?["may_take"] as? Bool == true, "\(ranked)")
        // The swap: judged, made, and the roster shows it.
        let swap = try call(base.appendingPathComponent("api/move"), method: "POST", token: "geheim",
                            body: "{\"remove\": [\(slot(person))], \"add\": [\(slot(other))]}")
        #expect(swap.status == 200 && swap.body.contains("\"applied\":true"), "\(swap.body)")
        #expect(try call(base.appendingPathComponent("api/roster"), token: "geheim").body.contains("\"version\":2"))
        // Published: the complete folder, which check passes, with Tuesday's new person; the
        // version kept in the database beside the folder, with who and the changes.
        let published = try call(base.appendingPathComponent("api/publish"), method: "POST", token: "geheim", body: "{\"author\": \"Fatma\"}")
        #expect(published.status == 200 && published.body.contains("\"version\":1"), "\(published.body)")
        let versions = try call(base.appendingPathComponent("api/versions"), token: "geheim")
        #expect(versions.body.contains("\"kind\":\"published\"") && versions.body.contains("\"author\":\"Fatma\"") && versions.body.contains("\"changes\":2"),
                "\(versions.body)")
        #expect(try call(base.appendingPathComponent("api/versions/1"), token: "geheim").body.contains(other))
        #expect(FileManager.default.fileExists(atPath: out + ".board.sqlite"))
        let calendar = try String(contentsOfFile: out + "/calendars/\(person).ics", encoding: .utf8)
        #expect(calendar.contains("STATUS:CANCELLED"), "the taken-away Tuesday cancelled in \(person)'s calendar")
        let check = try cli.zorgrooster("check", scenario, out)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(try String(contentsOfFile: out + "/roster.csv", encoding: .utf8).contains("2026-03-17,tue,09:00,12:30,\(other),"))
        // A sick call: the re-plan proposed as its changes, then accepted.
        let sick = try call(base.appendingPathComponent("api/absence"), method: "POST", token: "geheim",
                            body: "{\"staff_id\": \"\(other)\", \"date\": \"2026-03-17\", \"time_limit_seconds\": 5}")
        #expect(sick.status == 200 && sick.body.contains("\"id\":1") && sick.body.contains("2026-03-17"), "\(sick.body)")
        let accepted = try call(base.appendingPathComponent("api/proposals/1/accept"), method: "POST", token: "geheim")
        #expect(accepted.status == 200 && accepted.body.contains("\"version\":3"), "\(accepted.body)")
        #expect(try call(base.appendingPathComponent("api/proposals/1/reject"), method: "POST", token: "geheim").status == 409)
        // The page: the report with the board's panel.
        let page = try call(try #require(URL(string: address + "?token=geheim")))
        #expect(page.status == 200 && page.body.contains("Planbord") && page.body.contains("Wie kan dit?"), "\(page.body.prefix(300))")
    }

    @Test("serve refuses any address but loopback without a token (exit 2)")
    func openAddressNeedsToken() throws {
        let run = try CommandLineTests().zorgrooster("serve", "scenarios/dagbesteding-de-linde.yaml", "/tmp/never", "--host", "0.0.0.0")
        #expect(run.status == 2 && run.stderr.contains("--token"), "\(run.stderr)")
    }
}
