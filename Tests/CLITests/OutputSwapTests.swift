import Foundation
import Testing

/// The output folder is never missing (issue "Nothing lost"): the process is killed at each step
/// of the swap by fault injection (`ZORGROOSTER_SWAP_FAULT`), not by timing luck, and the folder
/// at `--out` is then a complete output, the old or the new; the next run restores or replaces
/// it and leaves nothing behind.
@Suite("The output folder's swap")
struct OutputSwapTests {
    static let binary = CommandLineTests.packageRoot.appendingPathComponent(".build/debug/zorgrooster")
    static let first = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-de-linde.yaml").path
    static let second = CommandLineTests.packageRoot.appendingPathComponent("scenarios/dagbesteding-griepweek.yaml").path

    func solve(_ scenario: String, into out: String, environment: [String: String] = [:]) throws -> CommandLineTests.Run {
        try CommandLineTests.run(Self.binary, ["solve", scenario, "--out", out, "--quiet", "--time-limit", "3"], environment: environment)
    }

    /// The scenario name in the folder's summary, or nil when the folder is missing or incomplete.
    func whose(_ out: String) -> String? {
        guard FileManager.default.fileExists(atPath: out + "/.zorgrooster-output"),
              FileManager.default.fileExists(atPath: out + "/roster.csv"),
              let data = FileManager.default.contents(atPath: out + "/summary.json"),
              let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return json["scenario"] as? String ?? "?"
    }

    @Test("Killed at every step of the swap, with and without the one-step exchange: the old or the new output, whole")
    func killedAtEachStep() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let cases: [(point: String, noExchange: Bool)] = [("written", false), ("exchanged", false), ("written", true), ("moved-aside", true)]
        for (number, step) in cases.enumerated() {
            let out = folder.appendingPathComponent("out\(number)").path
            #expect(try solve(Self.first, into: out).status == 0)
            let before = try #require(whose(out))
            var environment = ["ZORGROOSTER_SWAP_FAULT": step.point]
            if step.noExchange { environment["ZORGROOSTER_SWAP_NO_EXCHANGE"] = "1" }
            let killed = try solve(Self.second, into: out, environment: environment)
            #expect(killed.signalled, "\(step): the fault point was not reached")
            let after = whose(out)
            if step.point == "moved-aside" {
                // Caught between the two renames: the old output waits beside, whole, for the next run.
                let aside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out\(number).old-") }
                #expect(after == nil && aside.count == 1, "\(step)")
                #expect(whose(folder.appendingPathComponent(aside.first ?? "-").path) == before)
            } else {
                #expect(after != nil, "\(step): nothing complete at --out")
            }
            // The next run puts things right and leaves no temporary folder behind.
            #expect(try solve(Self.second, into: out).status == 0)
            #expect(whose(out) != nil && whose(out) != before)
            let left = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".out\(number).") && !$0.hasSuffix(".lock") }
            #expect(left.isEmpty, "\(step): left behind \(left)")
        }
    }

    @Test("A run killed between the fallback's renames loses nothing: the next run restores the old output before it decides")
    func restoredNotDeleted() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        #expect(try solve(Self.first, into: out).status == 0)
        let before = try #require(whose(out))
        _ = try solve(Self.second, into: out, environment: ["ZORGROOSTER_SWAP_FAULT": "moved-aside", "ZORGROOSTER_SWAP_NO_EXCHANGE": "1"])
        #expect(whose(out) == nil)
        // A run that fails before writing (a bad scenario) still must not lose it; the next good
        // run of the first scenario finds it restored, then replaced.
        let bad = folder.appendingPathComponent("bad.yaml").path
        try "version: 1\nname: x\n".write(toFile: bad, atomically: true, encoding: .utf8)
        #expect(try solve(bad, into: out).status == 2)
        #expect(try solve(Self.first, into: out, environment: ["ZORGROOSTER_SWAP_FAULT": "written"]).signalled)
        #expect(whose(out) == before, "restored before the new output was written")
    }

    @Test("Nothing that is not ours is written through or replaced: an empty --out, the root, a link, a planted link inside, a FIFO")
    func refusedPlaces() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let real = folder.appendingPathComponent("real"), link = folder.appendingPathComponent("link")
        try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: real)
        let own = folder.appendingPathComponent("own")
        try FileManager.default.createDirectory(at: own, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: own.appendingPathComponent("calendars"), withDestinationURL: real)
        let fifo = folder.appendingPathComponent("fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        for (out, words) in [("", "leeg"), ("/", "hoofdmap"), (link.path, "symbolische koppeling"), (own.path, "symbolische koppeling"), (fifo, "pipe")] {
            let run = try solve(Self.first, into: out)
            #expect(run.status == 2, "\(out): \(run.stderr)")
            #expect(run.stderr.contains(words), "\(out): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).isEmpty, "nothing written through a link")
    }
}
