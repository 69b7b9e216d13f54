import CareDomain
import Foundation
import ScenarioFormat
import Testing

/// A seeded fuzz suite (issue 14): the bundled scenarios with one or two values mutated (deleted,
/// wrong type, negative, zero, huge, NaN, empty, unicode, an unknown id, a duplicate key). Every
/// mutation must read as a scenario or fail with located issues; a trap fails the whole run.
@Suite("Fuzzed scenarios")
struct FuzzTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let replacements = ["", "-1", "0", "1e300", "-1e300", "9223372036854775807", ".nan", "abc", "[]", "{}", "\"ü∑\u{202E}x\"",
                               "2026-02-30", "25:00", "mon--fri", "+9:00", "null", "[a, b]", "{x: 1}", "99999", "0.0000001", "true"]

    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state ^ (state >> 29)
        }
    }

    /// One mutation of `text`: a value replaced, a line deleted, or a line duplicated.
    static func mutate(_ text: String, using generator: inout Generator) -> String {
        var lines = text.components(separatedBy: "\n")
        let candidates = lines.indices.filter { !lines[$0].trimmingCharacters(in: .whitespaces).hasPrefix("#") && lines[$0].contains(":") }
        guard let index = candidates.randomElement(using: &generator) else { return text }
        switch Int.random(in: 0..<10, using: &generator) {
        case 0: lines.remove(at: index)
        case 1: lines.insert(lines[index], at: index)
        default:
            // Replace the value after one `key:` on the line (inline maps have several).
            let line = lines[index]
            let colons = line.indices.filter { line[$0] == ":" && line.index(after: $0) < line.endIndex && line[line.index(after: $0)] == " " }
            guard let colon = colons.randomElement(using: &generator) else { return text }
            let valueStart = line.index(colon, offsetBy: 2)
            var valueEnd = valueStart
            var depth = 0
            while valueEnd < line.endIndex {
                let character = line[valueEnd]
                if character == "[" || character == "{" { depth += 1 }
                if character == "]" || character == "}" { if depth == 0 { break }; depth -= 1 }
                if character == ",", depth == 0 { break }
                valueEnd = line.index(after: valueEnd)
            }
            let replacement = replacements.randomElement(using: &generator)!
            lines[index] = String(line[..<valueStart]) + replacement + String(line[valueEnd...])
        }
        return lines.joined(separator: "\n")
    }

    @Test("A 500-byte YAML alias bomb (9^10 values) is refused at once with a located message")
    func aliasBomb() {
        var lines = ["version: 1", "week: 2026-W12", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
        for level in 1...9 { lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]") }
        lines.append("staff: *a9")
        let started = Date()
        let issues: [ScenarioIssue]
        do {
            _ = try ScenarioLoader.parse(lines.joined(separator: "\n"), file: "bomb.yaml")
            issues = []
        } catch {
            issues = error.issues
        }
        #expect(issues.count == 1 && issues[0].problem.contains("expands to more than"), "\(issues)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    @Test("400 mutated scenarios read as scenarios or fail with located issues, never a trap")
    func mutatedScenarios() throws {
        let folder = Self.root.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") && !$0.hasPrefix("aanbesteding") }.sorted()
        var generator = Generator(state: 20261201)
        var read = 0, refused = 0
        for round in 0..<400 {
            let file = files[round % files.count]
            var text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for _ in 0..<(1 + round % 2) { text = Self.mutate(text, using: &generator) }
            do {
                let scenario = try ScenarioLoader.parse(text, file: file, folder: folder.path)
                // What reads must be usable: sessions and the period's weeks can be listed.
                _ = scenario.groupSessions.count
                _ = (0..<scenario.weeks).map { scenario.week.adding(weeks: $0) }
                read += 1
            } catch {
                refused += 1
                #expect(!error.issues.isEmpty, "round \(round): refused without an issue")
                for issue in error.issues {
                    #expect(issue.location.line >= 1 && !issue.problem.isEmpty, "round \(round): \(issue)")
                }
            }
        }
        // Both happen, so the suite tests something.
        #expect(read > 20 && refused > 100, "read \(read), refused \(refused)")
    }
}
