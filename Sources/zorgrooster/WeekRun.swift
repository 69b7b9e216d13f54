import ArgumentParser
import CareDomain
import Foundation
import Reporting
import ScenarioFormat
import ZorgroosterRun

/// A run step's failure as the command line reports it: its lines on stderr, its exit code.
func reporting<T>(_ step: () throws(RunFailure) -> T) throws -> T {
    do { return try step() } catch {
        for line in error.lines { printError(line) }
        throw ExitCode(error.exitCode)
    }
}

/// Writes an output folder whole (`OutputFiles.writeFolder`); `single` writes the files into
/// a folder that is not ours (`init`), each atomically, deleting nothing.
func write(_ files: [String: String], to folder: String, locale: CSVLocale = .plain, language: ReportLanguage = .nl, single: Bool = false) throws {
    let data: [String: Data]
    do { data = try localized(files, locale: locale, language: language) } catch {
        printError("internal failure while making the files for \(folder): \(error)")
        throw ExitCode(1)
    }
    try writeData(data, to: folder, single: single)
}

/// Takes the output folder's lock for the rest of the run (before the solve, so a second run
/// into the same folder is told at once, not after its whole time limit).
func holdOutput(_ folder: String) throws {
    // An empty --out would write into the current folder, `/` into the root: never meant.
    if folder.trimmingCharacters(in: .whitespaces).isEmpty {
        printError("--out is empty; give the folder to write the roster into, e.g. --out out/linde")
        throw ExitCode(2)
    }
    if URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path == "/" {
        printError("--out \(folder) is the root folder; give a folder of its own, e.g. --out out/linde")
        throw ExitCode(2)
    }
    // What is at --out and not ours to replace is refused now, not after the whole solve.
    if let refusal = OutputFiles.refusal(at: folder) {
        printError(refusal)
        throw ExitCode(2)
    }
    do { try OutputLock.acquire(folder) } catch {
        try fail(writing: folder, error)
    }
}

private func fail(writing folder: String, _ error: Error) throws -> Never {
    if let failure = error as? OutputWriteError {
        printError(failure.description)
        // Two runs into one folder is a usage mistake, not an internal failure.
        throw ExitCode(failure.kind == .failed ? 1 : 2)
    }
    printError("cannot write to \(folder): \(error)")
    throw ExitCode(1)
}

func writeData(_ data: [String: Data], to folder: String, single: Bool = false) throws {
    do {
        if single { try OutputFiles.write(data: data, to: folder) } else { try OutputFiles.writeFolder(data: data, to: folder) }
    } catch {
        try fail(writing: folder, error)
    }
}

