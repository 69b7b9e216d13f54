import Foundation
import Glibc

/// Reads an input file whole, but never more than a largest size: a scenario is a few
/// megabytes at the largest real size (2,000 staff, 5,000 clients: under 1 MB), so a file far
/// larger is a mistake (a wrong path, a log, `/dev/zero`) and is refused before memory is spent.
public enum InputFile {
    public enum Problem: Error, Equatable {
        case unreadable
        case tooLarge(limit: Int)
        case notText
        /// A FIFO, socket or device: refused at once, never waited on.
        case notAFile
        /// A NUL byte: no text a person wrote holds one.
        case nul
    }

    /// The largest scenario or contract (YAML: every value becomes a node, ten times the text).
    public static let largestYAMLBytes = 16 << 20
    /// The largest CSV file (staff, clients, a roster).
    public static let largestCSVBytes = 64 << 20

    public static func text(atPath path: String, limit: Int) -> Result<String, Problem> {
        // Without waiting: opening a FIFO to read blocks until someone writes to it.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.unreadable) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) != S_IFDIR else { return .failure(.unreadable) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
        // Read up to one byte past the limit: a device or pipe has no size to ask.
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= limit {
            let count = read(descriptor, &chunk, chunk.count)
            if count < 0 { if errno == EINTR { continue }; return .failure(.unreadable) }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[0..<count])
        }
        if bytes.count > limit { return .failure(.tooLarge(limit: limit)) }
        if bytes.contains(0) { return .failure(.nul) }
        guard let text = String(validating: bytes, as: UTF8.self) else { return .failure(.notText) }
        return .success(text)
    }

    /// The problem in a planner's words, with what to do.
    public static func describe(_ problem: Problem, what: String) -> (problem: String, hint: String) {
        switch problem {
        case .unreadable: ("the file cannot be read", "check the path")
        case let .tooLarge(limit): ("the file is larger than \(limit >> 20) MiB, far more than \(what) needs", "check the path; split a very large staff or client list into staff_file and clients_file")
        case .notText: ("the file is not UTF-8 text", "save it as UTF-8")
        case .notAFile: ("it is a pipe, socket or device, not a file", "give the path of a file")
        case .nul: ("the file holds a NUL byte, which no text holds", "save it again as plain UTF-8 text")
        }
    }
}
