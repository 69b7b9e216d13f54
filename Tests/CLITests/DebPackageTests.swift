import Foundation
import Testing

/// `scripts/build-deb.sh`: the Debian package a provider's IT department installs, unpacked
/// into a clean folder tree and looked at as dpkg would install it.
@Suite("The Debian package")
struct DebPackageTests {
    static let dpkgDeb = ["/usr/bin/dpkg-deb"].first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test("build-deb.sh makes a package with the program, the board's systemd unit and its settings, depending on Debian's runtime libraries only",
          .enabled(if: dpkgDeb != nil, "dpkg-deb is not here; skipped"))
    func package() throws {
        let cli = CommandLineTests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = CommandLineTests.packageRoot
        // The built binary packaged as is (the release build with Swift linked in is the script's own default).
        let built = try CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["bash", root.appendingPathComponent("scripts/build-deb.sh").path, folder.path],
                                             environment: ["ZORGROOSTER_DEB_BINARY": root.appendingPathComponent(".build/debug/zorgrooster").path])
        #expect(built.status == 0, "\(built.stderr)")
        let package = built.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(package.hasSuffix(".deb") && package.contains("zorgrooster_0.12_"), "\(package)")
        let depends = try CommandLineTests.run(URL(fileURLWithPath: Self.dpkgDeb!), ["-f", package, "Depends"]).stdout
        #expect(depends.contains("libglpk40") && !depends.contains("-dev") && !depends.contains("swift"), "\(depends)")
        // Installed into a clean tree: the program runs from it, the unit starts the board.
        let tree = folder.appendingPathComponent("tree")
        #expect(try CommandLineTests.run(URL(fileURLWithPath: Self.dpkgDeb!), ["-x", package, tree.path]).status == 0)
        let program = tree.appendingPathComponent("usr/bin/zorgrooster")
        #expect(try CommandLineTests.run(program, ["--version"]).stdout.hasPrefix("zorgrooster 0.12"))
        let unit = try String(contentsOf: tree.appendingPathComponent("lib/systemd/system/zorgrooster.service"), encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/zorgrooster serve") && unit.contains("--token"), "\(unit)")
        #expect(FileManager.default.fileExists(atPath: tree.appendingPathComponent("etc/default/zorgrooster").path))
        #expect(FileManager.default.fileExists(atPath: tree.appendingPathComponent("usr/share/zorgrooster/scenarios/dagbesteding-de-linde.yaml").path))
        // The packaged scenario plans from the tree.
        let scenario = tree.appendingPathComponent("usr/share/zorgrooster/scenarios/dagbesteding-de-linde.yaml").path
        #expect(try CommandLineTests.run(program, ["validate", scenario]).status == 0)
    }
}
