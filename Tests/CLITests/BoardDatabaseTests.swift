import Foundation
import Testing

/// The board's versions in PostgreSQL (`serve --database postgres://…`), against a cluster the
/// test starts in a temporary folder (Debian's binaries; `scripts/install-postgresql.sh`).
@Suite("The planning board's PostgreSQL versions", .serialized)
struct BoardDatabaseTests {
    static let binaries: URL? = {
        let root = URL(fileURLWithPath: "/usr/lib/postgresql")
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).sorted().reversed()
        return versions.map { root.appendingPathComponent($0).appendingPathComponent("bin") }
            .first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("initdb").path) }
    }()

    /// A running cluster: its port and how to stop it.
    struct Cluster {
        let port: Int
        let stop: () -> Void
    }

    /// initdb and pg_ctl start in `folder`, as the `postgres` user where the test runs as root
    /// (the server refuses root).
    /// `tls`: the server offers TLS only (a self-signed certificate for 127.0.0.1, `server.crt`
    /// in the data folder; `hostssl` alone in pg_hba.conf, so a connection without TLS is refused).
    static func start(in folder: URL, tls: Bool = false) throws -> Cluster {
        let bin = try #require(binaries)
        let port = 20_000 + Int(ProcessInfo.processInfo.processIdentifier % 20_000)
        let asRoot = getuid() == 0
        func run(_ tool: String, _ arguments: [String]) throws -> CommandLineTests.Run {
            let path = bin.appendingPathComponent(tool).path
            return asRoot ? try CommandLineTests.run(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--", path] + arguments)
                : try CommandLineTests.run(URL(fileURLWithPath: path), arguments)
        }
        if asRoot { _ = try CommandLineTests.run(URL(fileURLWithPath: "/bin/chown"), ["postgres", folder.path]) }
        let data = folder.appendingPathComponent("data").path
        let made = try run("initdb", ["-D", data, "--auth=trust", "-U", "postgres"])
        try #require(made.status == 0, "initdb: \(made.stderr)")
        if tls {
            let openssl = ["/usr/bin/openssl", "req", "-new", "-x509", "-days", "2", "-nodes", "-subj", "/CN=127.0.0.1",
                           "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", data + "/server.key", "-out", data + "/server.crt"]
            let certificate = asRoot ? try CommandLineTests.run(URL(fileURLWithPath: "/usr/sbin/runuser"), ["-u", "postgres", "--"] + openssl)
                : try CommandLineTests.run(URL(fileURLWithPath: openssl[0]), Array(openssl.dropFirst()))
            try #require(certificate.status == 0, "openssl: \(certificate.stderr)")
            let settings = try FileHandle(forWritingTo: URL(fileURLWithPath: data + "/postgresql.conf"))
            settings.seekToEndOfFile()
            settings.write(Data("\nssl = on\n".utf8))
            try settings.close()
            try "local all all trust\nhostssl all all 127.0.0.1/32 trust\n".write(toFile: data + "/pg_hba.conf", atomically: false, encoding: .utf8)
        }
        // The server keeps open whatever descriptors it inherits, this test's pipes among them
        // (which would never see their end): started through Python, which closes every other
        // descriptor, with its output in its log.
        var command = asRoot ? ["/usr/sbin/runuser", "-u", "postgres", "--"] : []
        command += [bin.appendingPathComponent("pg_ctl").path, "-D", data, "-o", "-p \(port) -k \(folder.path) -c listen_addresses=127.0.0.1",
                    "-l", folder.appendingPathComponent("log").path, "-w", "start"]
        let spawn = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True))"
        let started = try CommandLineTests.run(URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", spawn] + command)
        try #require(started.status == 0, "pg_ctl start failed: \((try? String(contentsOf: folder.appendingPathComponent("log"), encoding: .utf8)) ?? "")")
        return Cluster(port: port) { _ = try? run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]) }
    }

    @Test("serve --database postgres://: the schema made on first start, a draft and a publish kept across a restart; a database that cannot be opened is said and the board does not start (exit 1)",
          .enabled(if: binaries != nil, "PostgreSQL's binaries are not installed here (scripts/install-postgresql.sh installs them); skipped"))
    func postgresVersions() throws {
        let cli = CommandLineTests(), api = BoardTests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("pg")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        let cluster = try Self.start(in: database)
        defer { cluster.stop() }
        let scenario = try cli.writeScenario(BoardPeriodTests.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path
        let address = "postgres://postgres@127.0.0.1:\(cluster.port)/postgres"
        do {
            let board = try BoardTests.start(["serve", scenario, out, "--port", "0", "--time-limit", "5", "--database", address])
            defer { board.process.terminate(); board.process.waitUntilExit() }
            let started = try #require(board.address, "\(board.said)")
            let base = try #require(URL(string: started))
            #expect(try api.call(base.appendingPathComponent("api/save"), method: "POST", body: "{\"author\": \"Fatma\", \"note\": \"concept\"}").status == 200)
            #expect(try api.call(base.appendingPathComponent("api/publish"), method: "POST", body: "{\"author\": \"Joost\"}").status == 200)
        }
        // Started again on the same database: both versions there, newest first, the rows kept.
        let again = try BoardTests.start(["serve", scenario, out, "--port", "0", "--database", address])
        defer { again.process.terminate(); again.process.waitUntilExit() }
        let restarted = try #require(again.address, "\(again.said)")
        let base = try #require(URL(string: restarted))
        let listed = try api.call(base.appendingPathComponent("api/versions"))
        let versions = try #require((try JSONSerialization.jsonObject(with: Data(listed.body.utf8)) as? [String: Any])?["versions"] as? [[String: Any]])
        #expect(versions.map { $0["kind"] as? String } == ["published", "draft"], "\(listed.body)")
        #expect(versions.map { $0["author"] as? String } == ["Joost", "Fatma"])
        #expect(try api.call(base.appendingPathComponent("api/versions/2")).body.contains("2026-03-27"))
        #expect(!FileManager.default.fileExists(atPath: out + ".board.sqlite"), "no SQLite file beside the folder")

        let refused = try cli.zorgrooster("serve", scenario, folder.appendingPathComponent("elders").path, "--port", "0", "--database", "postgres://nobody:geheim@127.0.0.1:\(cluster.port)/postgres")
        #expect(refused.status == 1 && refused.stderr.contains("role \"nobody\" does not exist") && !refused.stderr.contains("geheim"), "\(refused.stderr)")
    }

    @Test("serve --database with sslmode: a server that takes TLS only is reached with require, prefer (the default) and verify-full against its certificate; disable is refused by it, verify-full without its certificate refused by the board, each said (exit 1)",
          .enabled(if: binaries != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/openssl"),
                   "PostgreSQL's binaries or openssl are not installed here (scripts/install-postgresql.sh installs them); skipped"))
    func postgresOverTLS() throws {
        let cli = CommandLineTests(), api = BoardTests()
        let folder = try cli.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = folder.appendingPathComponent("pg")
        try FileManager.default.createDirectory(at: database, withIntermediateDirectories: true)
        let cluster = try Self.start(in: database, tls: true)
        defer { cluster.stop() }
        let scenario = try cli.writeScenario(BoardPeriodTests.scenario, in: folder)
        let out = folder.appendingPathComponent("out").path
        let address = "postgres://postgres@127.0.0.1:\(cluster.port)/postgres"
        let certificate = database.appendingPathComponent("data/server.crt").path
        for query in ["?sslmode=require", "", "?sslmode=verify-full&sslrootcert=\(certificate)"] {
            let board = try BoardTests.start(["serve", scenario, out, "--port", "0", "--time-limit", "5", "--database", address + query])
            defer { board.process.terminate(); board.process.waitUntilExit() }
            let started = try #require(board.address, "\(query): \(board.said)")
            let base = try #require(URL(string: started))
            #expect(try api.call(base.appendingPathComponent("api/save"), method: "POST", body: "{\"author\": \"Fatma\"}").status == 200, "\(query)")
        }
        let plain = try cli.zorgrooster("serve", scenario, out, "--port", "0", "--database", address + "?sslmode=disable")
        #expect(plain.status == 1 && plain.stderr.contains("no encryption"), "the server's reason: \(plain.stderr)")
        let unverified = try cli.zorgrooster("serve", scenario, out, "--port", "0", "--database", address + "?sslmode=verify-full")
        #expect(unverified.status == 1 && unverified.stderr.contains("postgres://postgres@127.0.0.1") && unverified.stderr.contains("sslrootcert=FILE"),
                "\(unverified.stderr)")
        let unknown = try cli.zorgrooster("serve", scenario, out, "--port", "0", "--database", address + "?sslmode=sometimes")
        #expect(unknown.status == 1 && unknown.stderr.contains("verify-full"), "\(unknown.stderr)")
    }
}
