import CFileSystem
import Foundation
import Glibc

/// Why an output could not be written, with the path and the system's own words (never a bare
/// Cocoa error number).
public struct OutputWriteError: Error, CustomStringConvertible {
    /// `busy`: another run writes it; `refused`: what is at the path is not ours to replace (a
    /// link, a file, a device), a usage mistake; `failed`: the system said no.
    public enum Kind: Sendable { case busy, refused, failed }
    public let kind: Kind
    public let description: String

    static func failed(_ what: String, _ path: String, errno code: Int32 = errno) -> OutputWriteError {
        OutputWriteError(kind: .failed, description: "cannot \(what) \(path): \(String(cString: strerror(code)))")
    }
}

/// The lock that stops two runs writing one output folder: `flock` on a hidden file beside the
/// folder, held from the start of a command until its files are in place (the kernel releases
/// it when a run ends, however it ends). The file holds the process id, so the second run can
/// say which run holds it.
public final class OutputLock: @unchecked Sendable {
    public let folder: String
    let path: String
    private var descriptor: Int32

    private static let held = Mutex<[String: OutputLock]>([:])

    private init(folder: String, path: String, descriptor: Int32) {
        self.folder = folder
        self.path = path
        self.descriptor = descriptor
    }

    static func lockPath(for folder: String) -> (target: URL, lock: String) {
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        return (target, target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).lock").path)
    }

    /// Takes the lock of `folder` for this process (again: the lock already held); throws a
    /// `busy` error naming the process that holds it.
    @discardableResult
    public static func acquire(_ folder: String) throws -> OutputLock {
        let (target, path) = lockPath(for: folder)
        if let mine = held.withLock({ $0[target.path] }) { return mine }
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        // The file may be removed by the run that held it between our open and our flock: then
        // the lock we got is on a file no one else sees, and we try again on the new one.
        for _ in 0..<20 {
            let descriptor = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw OutputWriteError.failed("lock the output folder at", path) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                let code = errno
                var text = [UInt8](repeating: 0, count: 32)
                let count = read(descriptor, &text, 31)
                close(descriptor)
                guard code == EWOULDBLOCK else { throw OutputWriteError.failed("lock the output folder at", path, errno: code) }
                let holder = count > 0 ? String(decoding: text[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) : "?"
                throw OutputWriteError(kind: .busy, description: "another zorgrooster run (process \(holder)) is writing \(folder); wait for it to end or choose another --out")
            }
            var opened = stat(), named = stat()
            guard fstat(descriptor, &opened) == 0, lstat(path, &named) == 0, opened.st_ino == named.st_ino, opened.st_dev == named.st_dev else {
                close(descriptor)
                continue
            }
            let pid = "\(ProcessInfo.processInfo.processIdentifier)\n"
            _ = ftruncate(descriptor, 0)
            _ = pid.withCString { write(descriptor, $0, strlen($0)) }
            let lock = OutputLock(folder: target.path, path: path, descriptor: descriptor)
            let first = held.withLock { held in
                defer { held[target.path] = lock }
                return held.isEmpty
            }
            // A run that ends early (bad input found later, exit 2) leaves no lock file behind.
            if first { atexit { OutputLock.releaseAll() } }
            return lock
        }
        throw OutputWriteError(kind: .failed, description: "cannot lock the output folder at \(path): it keeps being replaced")
    }

    /// Gives the lock up and removes its file (while still holding it, so no one else is between).
    public func release() {
        guard descriptor >= 0 else { return }
        unlink(path)
        close(descriptor)
        descriptor = -1
        Self.held.withLock { $0[folder] = nil }
    }

    deinit { release() }

    static func releaseAll() {
        for lock in held.withLock({ Array($0.values) }) { lock.release() }
    }
}

/// A value behind a lock (Foundation's `NSLock`; `Synchronization.Mutex` needs a newer platform).
final class Mutex<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension OutputFiles {
    /// Marks a folder as zorgrooster's output, so that a later run may replace it whole.
    public static let marker = ".zorgrooster-output"

    /// Writes an output folder whole or not at all: every file into a new folder beside it
    /// (`mkdtemp`: a name no one can guess or plant a link at), which then takes the place of
    /// `folder`. A folder already there is replaced only when it is empty or an earlier output
    /// (it holds `marker`); any other folder keeps its own files and gets each of ours
    /// atomically, so a user's files are never deleted. Runs the output lock (`OutputLock`) so
    /// two runs never write one folder; folders a killed run left beside it are removed.
    public static func writeFolder(data files: [String: Data], to folder: String) throws {
        let lock = try OutputLock.acquire(folder)
        defer { lock.release() }
        let manager = FileManager.default
        let target = URL(fileURLWithPath: folder).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        // Holding the lock, every temporary folder of this name is a killed run's. An earlier
        // output moved aside (`.NAME.old-X`, ours by its marker) while NAME is missing was caught
        // between the fallback's two renames: it is put back, never deleted.
        for name in ((try? manager.contentsOfDirectory(atPath: parent.path)) ?? []).sorted() {
            let path = parent.appendingPathComponent(name).path
            if name.hasPrefix(".\(target.lastPathComponent).old-") {
                if !manager.fileExists(atPath: target.path), manager.fileExists(atPath: path + "/" + marker), rename(path, target.path) == 0 { continue }
                removeLeftover(path)
            } else if name.hasPrefix(".\(target.lastPathComponent).new-") {
                removeLeftover(path)
            }
        }
        // A link at the output's name is not followed (it could point anywhere): refused.
        var linkInfo = stat()
        if lstat(target.path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK {
            throw OutputWriteError(kind: .refused, description: "cannot write to \(folder): it is a symbolic link; give the folder itself as --out")
        }
        var isFolder: ObjCBool = false
        let exists = manager.fileExists(atPath: target.path, isDirectory: &isFolder)
        let contents = exists && isFolder.boolValue ? ((try? manager.contentsOfDirectory(atPath: target.path)) ?? []) : []
        guard !exists || (isFolder.boolValue && (contents.isEmpty || contents.contains(marker))) else {
            if exists && !isFolder.boolValue {
                throw OutputWriteError(kind: .refused, description: "cannot write to \(folder): it is a file, not a folder; choose another --out")
            }
            // Holding the lock, our temporary files of a killed run in this folder are stale.
            for name in contents {
                for file in files.keys where !file.contains("/") && name.hasPrefix(".\(file).tmp-") {
                    try? manager.removeItem(at: target.appendingPathComponent(name))
                }
            }
            try write(data: files, to: folder)
            return
        }
        let fresh = try temporaryFolder(beside: target, kind: "new")
        do {
            var marked = files
            marked[marker] = Data("zorgrooster output; a later run replaces this folder whole\n".utf8)
            try write(data: marked, to: fresh)
            // mkdtemp makes the folder private; the output gets the user's usual permissions.
            let mask = umask(0)
            umask(mask)
            chmod(fresh, 0o777 & ~mask)
            SwapFault.point("written")
            if exists && !SwapFault.noExchange && zorgrooster_exchange(fresh, target.path) == 0 {
                // One step: the name held the old output and now holds the new, never nothing.
                SwapFault.point("exchanged")
                removeLeftover(fresh)
            } else if exists {
                // No exchange on this file system: two renames, the old output kept aside under
                // a name the next run restores if this one dies between them.
                let old = try temporaryFolder(beside: target, kind: "old")
                guard rename(target.path, old) == 0 else {
                    let failure = OutputWriteError.failed("move the earlier output aside at", target.path)
                    rmdir(old)
                    throw failure
                }
                SwapFault.point("moved-aside")
                guard rename(fresh, target.path) == 0 else {
                    let failure = OutputWriteError.failed("move the new output into place at", target.path)
                    _ = rename(old, target.path)
                    throw failure
                }
                removeLeftover(old)
            } else if rename(fresh, target.path) != 0 {
                throw OutputWriteError.failed("move the new output into place at", target.path)
            }
        } catch {
            try? manager.removeItem(atPath: fresh)
            throw error
        }
    }

    /// Why `folder` may not be an output folder (a symbolic link, or something that is neither a
    /// folder nor missing: a file, a device, a pipe, a socket); nil when it may.
    public static func refusal(at folder: String) -> String? {
        let path = URL(fileURLWithPath: folder).standardizedFileURL.path
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return nil
        case S_IFLNK: return "cannot write to \(folder): it is a symbolic link; give the folder itself as --out"
        case S_IFREG: return "cannot write to \(folder): it is a file, not a folder; choose another --out"
        default: return "cannot write to \(folder): it is a device, pipe or socket, not a folder; choose another --out"
        }
    }

    /// Removes an earlier output or a killed run's folder; what cannot be removed (a read-only
    /// folder) is named in a warning, never left behind in silence.
    static func removeLeftover(_ path: String) {
        do { try FileManager.default.removeItem(atPath: path) } catch {
            guard FileManager.default.fileExists(atPath: path) else { return }
            FileHandle.standardError.write(Data("warning: could not remove \(path) (\(error.localizedDescription)); remove it by hand\n".utf8))
        }
    }

    private static func temporaryFolder(beside target: URL, kind: String) throws -> String {
        var template = Array(target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(kind)-XXXXXX").path.utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) else {
            throw OutputWriteError.failed("create a temporary folder beside", target.path)
        }
        return String(cString: made)
    }

    /// Writes every file into `folder` (created if missing): all of them to temporary names
    /// first, then each renamed into place, so a failure (a disk full, a folder where a file
    /// should go) leaves the files that were there as they were.
    public static func write(data files: [String: Data], to folder: String) throws {
        let manager = FileManager.default
        let targets = files.keys.sorted().map { (name: $0, url: URL(fileURLWithPath: folder).appendingPathComponent($0)) }
        // What is in the way is found before anything is written; a symbolic link inside the
        // folder (a planted `calendars` link) is never followed.
        let root = URL(fileURLWithPath: folder).standardizedFileURL.path
        for (name, _) in targets {
            var step = root
            for component in name.split(separator: "/") {
                step += "/" + component
                var info = stat()
                if lstat(step, &info) == 0, (info.st_mode & S_IFMT) == S_IFLNK {
                    throw OutputWriteError(kind: .refused, description: "cannot write \(step): it is a symbolic link, which zorgrooster does not follow; remove it or choose another --out")
                }
            }
        }
        for (_, target) in targets {
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: target.path, isDirectory: &isFolder), isFolder.boolValue {
                throw OutputWriteError(kind: .failed, description: "cannot write \(target.path): a folder of that name is in the way; move it or choose another --out")
            }
            let place = target.deletingLastPathComponent()
            if manager.fileExists(atPath: place.path, isDirectory: &isFolder), !isFolder.boolValue {
                throw OutputWriteError(kind: .failed, description: "cannot create the folder \(place.path): a file of that name is in the way; move it or choose another --out")
            }
        }
        var written: [(temporary: String, target: String)] = []
        var created: [String] = []
        do {
            for (name, target) in targets {
                // A name may hold a subfolder (`calendars/s01.ics`).
                let place = target.deletingLastPathComponent()
                var ancestors: [String] = []
                var step = place
                while !manager.fileExists(atPath: step.path), step.path != "/" {
                    ancestors.append(step.path)
                    step = step.deletingLastPathComponent()
                }
                do {
                    try manager.createDirectory(at: place, withIntermediateDirectories: true)
                    created += ancestors
                } catch {
                    throw OutputWriteError(kind: .failed, description: "cannot create the folder \(place.path): it may not be written here")
                }
                let temporary = place.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)").path
                try writeFile(files[name]!, to: temporary)
                written.append((temporary, target.path))
            }
            for (temporary, target) in written where rename(temporary, target) != 0 {
                throw OutputWriteError.failed("write", target)
            }
        } catch {
            for (temporary, _) in written { unlink(temporary) }
            // Folders made for this write go again, deepest first (only when left empty).
            for folder in created.sorted(by: { $0.count > $1.count }) { rmdir(folder) }
            throw error
        }
    }

    /// One file through the system calls, so a failure says which file and why.
    private static func writeFile(_ contents: Data, to path: String) throws {
        unlink(path)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw OutputWriteError.failed("write", path) }
        defer { close(descriptor) }
        try contents.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if count < 0 {
                    if errno == EINTR { continue }
                    let failure = OutputWriteError.failed("write", path)
                    unlink(path)
                    throw failure
                }
                offset += count
            }
        }
    }
}

/// Fault injection for the swap's test (issue "Nothing lost"): `ZORGROOSTER_SWAP_FAULT=NAME`
/// kills the process with SIGKILL at that step of `writeFolder` (`written`, `exchanged`,
/// `moved-aside`), so a test can find the output folder whole after a kill at each step, by
/// design rather than timing luck. Read once; without the variable it costs one comparison.
enum SwapFault {
    static let armed = ProcessInfo.processInfo.environment["ZORGROOSTER_SWAP_FAULT"]
    /// Forces the two-rename fallback (as on a file system without the exchange), for its test.
    static let noExchange = ProcessInfo.processInfo.environment["ZORGROOSTER_SWAP_NO_EXCHANGE"] != nil

    static func point(_ name: String) {
        if armed == name { kill(getpid(), SIGKILL) }
    }
}
