import Foundation

/// A board served on a scenario for one test (solved first into a temporary
/// folder), stopped and its folder removed when the test lets go of it.
final class ServedBoard {
    let folder: URL
    let scenario: String
    let out: String
    let address: String
    let base: URL
    private let process: Process

    init(_ scenarioFile: String, timeLimit: String = "5") throws {
        folder = try CommandLineTests().temporaryFolder()
        // A bundled scenario by name, or a test's own by its path.
        scenario = scenarioFile.hasPrefix("/") ? scenarioFile : CommandLineTests.packageRoot.appendingPathComponent("scenarios/\(scenarioFile)").path
        out = folder.appendingPathComponent("out").path
        let started = try BoardTests.start(["serve", scenario, out, "--port", "0", "--time-limit", timeLimit])
        process = started.process
        guard let address = started.address, let base = URL(string: address) else {
            process.terminate()
            throw ServedBoardError.notStarted(started.said)
        }
        (self.address, self.base) = (address, base)
    }

    deinit {
        process.terminate()
        process.waitUntilExit()
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs the browser script `Browser/NAME` on the board with `arguments`: its JSON answer.
    func browse(_ name: String, _ arguments: [String] = []) throws -> [String: Any] {
        let script = CommandLineTests.packageRoot.appendingPathComponent("Tests/CLITests/Browser/\(name)").path
        let run = try CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", script, address] + arguments)
        guard run.status == 0, let answer = try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any] else {
            throw ServedBoardError.script(name, run.stdout + run.stderr)
        }
        return answer
    }
}

enum ServedBoardError: Error { case notStarted(String), script(String, String) }
