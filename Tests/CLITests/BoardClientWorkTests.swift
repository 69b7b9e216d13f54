import Foundation
import Testing

/// Moves onto visits and appointments on the planning board, through its API: the rules of client
/// work said before anything is made (level, office hours, a visit taken off while someone free
/// could make it, an appointment's roles), who can take a visit, a visit handed to someone else
/// and published as a folder `check` passes.
@Suite("The planning board: visits and appointments")
struct BoardClientWorkTests {
    let api = BoardTests()

    /// The roster rows of `activity` as the API gives them.
    func rows(_ base: URL, _ activity: String) throws -> [[String: Any]] {
        let roster = try api.call(base.appendingPathComponent("api/roster"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(roster.body.utf8)) as? [String: Any])
        return (json["rows"] as? [[String: Any]] ?? []).filter { $0["activity"] as? String == activity }
    }

    /// The first visit on the roster someone else may take over (by the board's candidates):
    /// its holder, client, date and start, and that person.
    func handOver(_ base: URL) throws -> (holder: String, client: String, date: String, start: String, taker: String)? {
        for visit in try rows(base, "visit") {
            guard let holder = visit["staff_id"] as? String, let client = (visit["clients"] as? [String])?.first,
                  let date = visit["date"] as? String, let start = visit["start"] as? String,
                  let url = URL(string: base.appendingPathComponent("api/candidates").absoluteString + "?client=\(client)&date=\(date)&start=\(start)"),
                  let answer = try JSONSerialization.jsonObject(with: Data(try api.call(url).body.utf8)) as? [String: Any],
                  let ranked = answer["candidates"] as? [[String: Any]] else { continue }
            if let taker = ranked.first(where: { $0["may_take"] as? Bool == true })?["staff_id"] as? String { return (holder, client, date, start, taker) }
        }
        return nil
    }

    /// The roster's visits as (staff, client, date, start).
    func visits(_ base: URL) throws -> [(staff: String, client: String, date: String, start: String)] {
        try rows(base, "visit").compactMap { row in
            guard let staff = row["staff_id"] as? String, let client = (row["clients"] as? [String])?.first,
                  let date = row["date"] as? String, let start = row["start"] as? String else { return nil }
            return (staff, client, date, start)
        }
    }

    func visitSlot(_ staff: String, _ visit: (staff: String, client: String, date: String, start: String)) -> String {
        "{\"staff_id\": \"\(staff)\", \"date\": \"\(visit.date)\", \"activity\": \"visit\", \"client\": \"\(visit.client)\", \"start\": \"\(visit.start)\"}"
    }

    /// Two visits on one day by two people that the board says may swap (each taking the
    /// other's at its time): (staff, client) of each and the day.
    func swappable(_ base: URL) throws -> (a: (String, String), b: (String, String), date: String)? {
        let visits = try visits(base)
        for (index, a) in visits.enumerated() {
            for b in visits[(index + 1)...] where b.date == a.date && b.staff != a.staff && b.client != a.client {
                let swap = "{\"remove\": [\(visitSlot(a.staff, a)), \(visitSlot(b.staff, b))], \"add\": [\(visitSlot(a.staff, b)), \(visitSlot(b.staff, a))]}"
                if try post(base, "api/check", swap).body.contains("\"allowed\":true") { return ((a.staff, a.client), (b.staff, b.client), a.date) }
            }
        }
        return nil
    }

    /// A visit the board says may not simply be taken off (someone free could make it): staff, client, date.
    func keptOn(_ base: URL) throws -> (String, String, String)? {
        for visit in try visits(base) where try post(base, "api/check", "{\"remove\": [\(visitSlot(visit.staff, visit))]}").body.contains("\"allowed\":false") {
            return (visit.staff, visit.client, visit.date)
        }
        return nil
    }

    func post(_ base: URL, _ path: String, _ body: String) throws -> (status: Int, body: String) {
        try api.call(base.appendingPathComponent(path), method: "POST", body: body)
    }

    @Test("A visit: m04 (mbo3) refused by the product's level, 16:30 by office hours, taken off refused while someone may make it; who can take it ranked; handed over and published, check passes")
    func visits() throws {
        let board = try ServedBoard("groep-en-ambulant-zorg-dichtbij.yaml")
        let base = board.base

        let (holder, client, date, start, taker) = try #require(try handOver(base), "a visit someone else may take")
        let off = "{\"staff_id\": \"\(holder)\", \"date\": \"\(date)\", \"activity\": \"visit\", \"client\": \"\(client)\", \"start\": \"\(start)\"}"
        let to = { (who: String, at: String) in "{\"staff_id\": \"\(who)\", \"date\": \"\(date)\", \"activity\": \"visit\", \"client\": \"\(client)\", \"start\": \"\(at)\"}" }

        // Dirk is mbo3; the product asks mbo4.
        let low = try post(base, "api/check", "{\"remove\": [\(off)], \"add\": [\(to("m04", start))]}")
        #expect(low.status == 200 && low.body.contains("\"allowed\":false") && low.body.contains("mbo4 of hoger"), "\(low.body)")
        // Office hours end at 17:00: a visit of an hour from 16:30 is outside them.
        let late = try post(base, "api/check", "{\"remove\": [\(off)], \"add\": [\(to(holder, "16:30"))]}")
        #expect(late.body.contains("\"allowed\":false") && late.body.contains("kantooruren"), "\(late.body)")
        // Who can take it: the holder says so, Dirk's reason is the level, someone may take it.
        let query = base.appendingPathComponent("api/candidates").absoluteString + "?client=\(client)&date=\(date)&start=\(start)"
        let who = try api.call(try #require(URL(string: query)))
        let answer = try JSONSerialization.jsonObject(with: Data(who.body.utf8)) as? [String: Any]
        let ranked = try #require(answer?["candidates"] as? [[String: Any]], "\(who.body)")
        #expect(ranked.first { $0["staff_id"] as? String == holder }?["reason"] as? String == "staat hier al ingeroosterd", "\(ranked)")
        #expect((ranked.first { $0["staff_id"] as? String == "m04" }?["reason"] as? String)?.contains("mbo4 of hoger") == true, "\(ranked)")
        #expect(ranked.first { $0["may_take"] as? Bool == true }?["staff_id"] as? String == taker, "\(ranked)")
        // Taken off while the taker is free: the visit would be left undone (maximality).
        let undone = try post(base, "api/check", "{\"remove\": [\(off)]}")
        #expect(undone.body.contains("\"allowed\":false") && undone.body.contains("een bezoek"), "\(undone.body)")
        // Handed over: allowed at once, made, published; check passes the folder.
        let handed = try post(base, "api/move", "{\"remove\": [\(off)], \"add\": [\(to(taker, start))]}")
        #expect(handed.status == 200 && handed.body.contains("\"applied\":true"), "\(handed.body)")
        #expect(try rows(base, "visit").contains { $0["staff_id"] as? String == taker && $0["date"] as? String == date && $0["start"] as? String == start
            && ($0["clients"] as? [String]) == [client] })
        let published = try post(base, "api/publish", "{\"author\": \"Fatma\"}")
        #expect(published.status == 200, "\(published.body)")
        let check = try CommandLineTests().zorgrooster("check", board.scenario, board.out)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // Locked, the handed-over visit holds through a re-solve of the rest.
        let resolved = try post(base, "api/resolve", "{\"locked\": [\(to(taker, start))], \"time_limit_seconds\": 5}")
        let proposal = try #require(try JSONSerialization.jsonObject(with: Data(resolved.body.utf8)) as? [String: Any], "\(resolved.body)")
        let changes = try #require(proposal["changes"] as? [[String: Any]], "\(resolved.body)")
        #expect(!changes.contains { $0["staff_id"] as? String == taker && $0["date"] as? String == date && $0["start"] as? String == start },
                "the locked visit stays: \(changes)")
        let roster = try String(contentsOfFile: board.out + "/roster.csv", encoding: .utf8)
        #expect(roster.contains("\(date)") && roster.split(separator: "\n").contains { $0.hasPrefix("\(date),") && $0.contains(",\(start),") && $0.contains(",\(taker),") && $0.contains(",visit,") },
                "\(roster)")
    }

    @Test("An appointment seat: the social worker's seat refused to someone without social-work (its rule named), given to another social worker; all taken off refused while they could meet")
    func appointments() throws {
        let board = try ServedBoard("optimaal-leven-wijkteam.yaml")
        let base = board.base

        let seats = try rows(base, "appointment").filter { $0["ref"] as? String == "mdo-week" }
        #expect(seats.count == 3, "the weekly MDO held with its three roles: \(seats)")
        let social = try #require(seats.first { ["w01", "w02"].contains($0["staff_id"] as? String) }, "\(seats)")
        let (holder, date, start) = (social["staff_id"] as! String, social["date"] as! String, social["start"] as! String)
        let other = holder == "w01" ? "w02" : "w01"
        let seat = { (who: String) in "{\"staff_id\": \"\(who)\", \"date\": \"\(date)\", \"activity\": \"appointment\", \"appointment\": \"mdo-week\"}" }
        // Ilse has no social-work: the role left open is the social worker's.
        let wrong = try post(base, "api/check", "{\"remove\": [\(seat(holder))], \"add\": [\(seat("t01"))]}")
        #expect(wrong.body.contains("\"allowed\":false") && wrong.body.contains("social-work"), "\(wrong.body)")
        // One taken off: two people for three roles.
        let open = try post(base, "api/check", "{\"remove\": [\(seat(holder))]}")
        #expect(open.body.contains("\"allowed\":false") && open.body.contains("3 rollen"), "\(open.body)")
        // All taken off while they could still meet then: refused (maximality).
        let all = seats.map { seat($0["staff_id"] as! String) }.joined(separator: ", ")
        let none = try post(base, "api/check", "{\"remove\": [\(all)]}")
        #expect(none.body.contains("\"allowed\":false") && none.body.contains("het overleg"), "\(none.body)")
        // The other social worker, if free then, may take the seat; the check says which.
        let query = base.appendingPathComponent("api/candidates").absoluteString + "?appointment=mdo-week&date=\(date)&start=\(start)"
        let who = try api.call(try #require(URL(string: query)))
        let answer = try JSONSerialization.jsonObject(with: Data(who.body.utf8)) as? [String: Any]
        let ranked = try #require(answer?["candidates"] as? [[String: Any]], "\(who.body)")
        let mayOther = ranked.first { $0["staff_id"] as? String == other }?["may_take"] as? Bool == true
        let swap = try post(base, "api/move", "{\"remove\": [\(seat(holder))], \"add\": [\(seat(other))]}")
        #expect(swap.body.contains("\"applied\":\(mayOther)"), "candidates said \(mayOther) for \(other): \(swap.body)")
    }

    /// Kim (mbo4) can visit on Monday and Tuesday only; Carla visits once a day at most, three
    /// times asked: the third visit is left open. Dirk is mbo3; Fleur works on Saturdays.
    static let openVisit = """
    version: 1
    name: een open bezoek
    week: 2026-W12
    products:
      thuis: {setting: ambulatory, min_level: mbo4, office_hours: {days: mon-fri, from: "09:00", to: "17:00"}}
    locations: {}
    staff:
      kim: {level: mbo4, contract_hours: 24, available: [{days: [mon, tue], from: "09:00", to: "17:00"}]}
      dirk: {level: mbo3, contract_hours: 24}
      fleur: {level: hbo, contract_hours: 8, available: [{days: [sat], from: "09:00", to: "17:00"}]}
    clients:
      carla: {product: thuis, area: "1000", visits: {count: 3, minutes: 60}}
    """

    @Test("An open visit: who could make it this week, and when: no one on the maximal roster (each with the rule); with Kim's Monday visit taken off (forced), Kim on Monday")
    func openVisit() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let board = try ServedBoard(try CommandLineTests().writeScenario(Self.openVisit, in: folder))
        let base = board.base
        func ask() throws -> [String: [String: Any]] {
            let url = try #require(URL(string: base.appendingPathComponent("api/candidates").absoluteString + "?client=carla&date=2026-03-16"))
            let answer = try JSONSerialization.jsonObject(with: Data(try api.call(url).body.utf8)) as? [String: Any]
            let list = try #require(answer?["candidates"] as? [[String: Any]])
            return Dictionary(uniqueKeysWithValues: list.map { ($0["staff_id"] as! String, $0) })
        }
        let visits = try rows(base, "visit")
        #expect(visits.count == 2 && visits.allSatisfy { $0["staff_id"] as? String == "kim" }, "\(visits)")
        let open = try ask()
        #expect(open["kim"]?["may_take"] as? Bool == false && (open["kim"]?["reason"] as? String)?.contains("max_per_day") == true, "\(open)")
        #expect((open["dirk"]?["reason"] as? String)?.contains("mbo4 of hoger") == true, "\(open)")
        #expect(open["fleur"]?["reason"] as? String == "niet beschikbaar op dit tijdstip", "\(open)")
        // Monday's visit taken off (forced: Kim could make it): now Kim could, on Monday.
        let monday = try #require(visits.first { $0["date"] as? String == "2026-03-16" })
        let off = "{\"staff_id\": \"kim\", \"date\": \"2026-03-16\", \"activity\": \"visit\", \"client\": \"carla\", \"start\": \"\(monday["start"] as! String)\"}"
        #expect(try post(base, "api/move", "{\"remove\": [\(off)], \"force\": true}").body.contains("\"applied\":true"))
        let freed = try ask()
        #expect(freed["kim"]?["may_take"] as? Bool == true && (freed["kim"]?["start"] as? String)?.hasPrefix("2026-03-16 ") == true, "\(freed)")
    }
}
