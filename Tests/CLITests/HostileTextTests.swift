import Foundation
import Testing

/// Hostile strings in every field a person types (issue "Nothing lost", item 6): no live markup in
/// the report, no formula in a CSV cell, no control character obeyed by a terminal.
@Suite("Hostile text")
struct HostileTextTests {
    static let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
    static let attack = "<img src=x onerror=alert(1)>"

    @Test("Every string field <img src=x onerror=alert(1)>: the report has no live markup, CSV cells are neutralised")
    func noLiveMarkup() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let a = Self.attack
        // Ids are checked to be ids; every free text carries the attack.
        let scenario = """
        version: 1
        name: "\(a)"
        week: 2026-W12
        levels: [mbo2, "\(a)", hbo]
        products:
          dag: {setting: group, ratio: 1, min_level: "\(a)", lead_level: hbo, skills: ["\(a)"]}
        locations:
          huis:
            name: "\(a)"
            area: "\(a)"
            sessions:
              - {name: ochtend, days: mon, from: "09:00", to: "12:00"}
        staff:
          s1: {name: "\(a)", level: "\(a)", skills: ["\(a)"], contract_hours: 3}
          s2: {name: "\\t=HYPERLINK(\\"x\\")", level: hbo, skills: ["\(a)"], contract_hours: 3}
          s3: {name: "@SUM(1)", level: mbo2, contract_hours: 3}
        clients:
          c1: {product: dag, location: huis, attends: [mon ochtend], needs: ["\(a)"]}
          c2: {product: dag, location: huis, attends: [mon ochtend]}
          c3: {product: dag, location: huis, attends: [mon ochtend]}
        """
        let path = folder.appendingPathComponent("hostile.yaml").path
        try scenario.write(toFile: path, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let run = try CommandLineTests.run(Self.binary, ["solve", path, "--out", out, "--time-limit", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        let report = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!report.contains("<img"), "live markup in report.html")
        #expect(report.contains("&lt;img src=x onerror=alert(1)&gt;"))
        for file in ["roster.csv", "roster-by-person.csv", "uncovered.csv", "hours.csv"] {
            let text = try String(contentsOfFile: out + "/" + file, encoding: .utf8)
            // No cell may begin with a formula character (a quoted cell's first character inside the quote).
            for line in text.split(separator: "\n").dropFirst() {
                for cell in line.split(separator: ",", omittingEmptySubsequences: false) {
                    let body = cell.hasPrefix("\"") ? cell.dropFirst() : Substring(cell)
                    #expect(!(body.first.map { "=+@\t\r".contains($0) } ?? false), "\(file): \(line)")
                }
            }
        }
    }
}
