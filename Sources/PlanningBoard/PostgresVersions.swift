import Foundation
import Logging
import NIOSSL
import PostgresNIO

/// The board's versions in PostgreSQL, for a team server (`serve --database postgres://…`):
/// one connection (made again when it breaks), every version one INSERT (a crash or kill
/// leaves the last saved one intact), and the schema migrating itself under a lock, so two
/// boards starting at once migrate it once.
public actor PostgresVersions: VersionArchive {
    private let configuration: PostgresConnection.Configuration
    private var connection: PostgresConnection?
    private let logger: Logger
    /// The address without its password, for messages.
    public nonisolated let place: String

    /// The migrations in order: each runs once, its number kept in `zorgrooster_schema`.
    static let migrations: [PostgresQuery] = [
        """
        CREATE TABLE board_version (
            id bigserial PRIMARY KEY, kind text NOT NULL, created_at text NOT NULL, author text NOT NULL,
            note text NOT NULL, changes bigint NOT NULL, rows text NOT NULL)
        """,
    ]

    /// Opens `address` (`postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE`) and migrates its schema.
    public init(address: String) async throws {
        guard let parts = URLComponents(string: address), ["postgres", "postgresql"].contains(parts.scheme ?? ""),
              let host = parts.host, !host.isEmpty, let user = parts.user, !user.isEmpty else {
            throw DatabaseProblem("`\(address)` is not a PostgreSQL address: write postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE")
        }
        let query = { (name: String) in parts.queryItems?.first { $0.name == name }?.value }
        let tls = try Self.tls(mode: query("sslmode") ?? "prefer", rootCertificate: query("sslrootcert"))
        let database = parts.path.hasPrefix("/") ? String(parts.path.dropFirst()) : parts.path
        configuration = PostgresConnection.Configuration(host: host, port: parts.port ?? 5432, username: user, password: parts.password,
                                                         database: database.isEmpty ? nil : database, tls: tls)
        var quiet = Logger(label: "zorgrooster.board.postgres")
        quiet.logLevel = .critical
        logger = quiet
        place = "postgres://\(user)@\(host)\(parts.port.map { ":\($0)" } ?? "")/\(database)"
        try await migrate()
    }

    /// TLS as libpq's `sslmode` asks it (its default, `prefer`: TLS where the server offers it):
    /// `disable`; `allow` and `prefer` (TLS if offered, unverified, as libpq); `require` (TLS,
    /// unverified); `verify-ca` (the server's certificate signed by `sslrootcert`, else the
    /// system's roots); `verify-full` (that, and the host name).
    static func tls(mode: String, rootCertificate: String?) throws -> PostgresConnection.Configuration.TLS {
        var settings = TLSConfiguration.makeClientConfiguration()
        switch mode {
        case "disable": return .disable
        case "allow", "prefer", "require": settings.certificateVerification = .none
        case "verify-ca": settings.certificateVerification = .noHostnameVerification
        case "verify-full": settings.certificateVerification = .fullVerification
        default:
            throw DatabaseProblem("sslmode=\(mode) is not a PostgreSQL sslmode: write disable, allow, prefer, require, verify-ca or verify-full")
        }
        if let rootCertificate {
            guard FileManager.default.isReadableFile(atPath: rootCertificate) else {
                throw DatabaseProblem("sslrootcert=\(rootCertificate) cannot be read: give the file of the certificate authority that signed the server's certificate")
            }
            settings.trustRoots = .file(rootCertificate)
        }
        let context: NIOSSLContext
        do { context = try NIOSSLContext(configuration: settings) } catch {
            throw DatabaseProblem("TLS for PostgreSQL cannot be set up (\(error)); check sslrootcert")
        }
        return mode == "require" || mode.hasPrefix("verify") ? .require(context) : .prefer(context)
    }

    /// A live connection: the one held, or a new one.
    private func live() async throws -> PostgresConnection {
        if let connection, !connection.isClosed { return connection }
        let made = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        connection = made
        return made
    }

    /// Runs `body` on a live connection; once more on a new connection when the held one broke.
    private func using<Result: Sendable>(_ body: (PostgresConnection) async throws -> Result) async throws -> Result {
        do { return try await body(try await live()) } catch let error as PSQLError where error.code == .clientClosedConnection || error.code == .serverClosedConnection {
            connection = nil
            return try await body(try await live())
        }
    }

    private func migrate() async throws {
        try await using { connection in
            try await connection.query("CREATE TABLE IF NOT EXISTS zorgrooster_schema (version integer NOT NULL)", logger: logger)
            try await connection.query("BEGIN", logger: logger)
            do {
                try await connection.query("LOCK TABLE zorgrooster_schema IN EXCLUSIVE MODE", logger: logger)
                var done = 0
                for try await (version,) in try await connection.query("SELECT coalesce(max(version), 0) FROM zorgrooster_schema", logger: logger).decode((Int.self)) {
                    done = version
                }
                for (index, migration) in Self.migrations.enumerated() where index + 1 > done {
                    try await connection.query(migration, logger: logger)
                    try await connection.query("INSERT INTO zorgrooster_schema (version) VALUES (\(index + 1))", logger: logger)
                }
                try await connection.query("COMMIT", logger: logger)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
    }

    public func add(_ version: BoardVersion) async throws -> BoardVersion {
        try await using { connection in
            var saved = version
            let rows = try await connection.query("""
                INSERT INTO board_version (kind, created_at, author, note, changes, rows)
                VALUES (\(version.kind), \(version.createdAt), \(version.author), \(version.note), \(version.changes), \(version.rows)) RETURNING id
                """, logger: logger)
            for try await (id,) in rows.decode((Int64.self)) { saved.id = id }
            return saved
        }
    }

    public func list() async throws -> [BoardVersion] {
        try await using { connection in
            var found: [BoardVersion] = []
            let rows = try await connection.query("SELECT id, kind, created_at, author, note, changes FROM board_version ORDER BY id DESC", logger: logger)
            for try await (id, kind, created, author, note, changes) in rows.decode((Int64, String, String, String, String, Int).self) {
                found.append(BoardVersion(id: id, kind: kind, createdAt: created, author: author, note: note, changes: changes, rows: ""))
            }
            return found
        }
    }

    public func version(_ id: Int64) async throws -> BoardVersion? {
        try await using { connection in
            let rows = try await connection.query("SELECT id, kind, created_at, author, note, changes, rows FROM board_version WHERE id = \(id)", logger: logger)
            for try await (id, kind, created, author, note, changes, text) in rows.decode((Int64, String, String, String, String, Int, String).self) {
                return BoardVersion(id: id, kind: kind, createdAt: created, author: author, note: note, changes: changes, rows: text)
            }
            return nil
        }
    }
}

/// What went wrong opening the board's database, said for a planner or an IT department.
public struct DatabaseProblem: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }

    /// An error from opening or migrating the database in a sentence: the server's own message
    /// where it gave one (a role or database that does not exist, a password refused), else
    /// what the connection met (refused, no route).
    public static func said(_ error: any Error) -> String {
        guard let problem = error as? PSQLError else { return "\(error)" }
        if let message = problem.serverInfo?[.message] { return "the server says: \(message)" }
        if let underlying = problem.underlying {
            // A certificate the connection would not trust, in a sentence that says what to do.
            if "\(underlying)".contains("CERTIFICATE_VERIFY_FAILED") {
                return "the server's TLS certificate is not trusted (sslmode=verify-ca or verify-full): give sslrootcert=FILE, the certificate of the authority that signed it, or sslmode=require to encrypt without checking it"
            }
            if "\(underlying)".contains("handshakeFailed") { return "the TLS handshake with the server failed (\(underlying))" }
            return "\(underlying)"
        }
        return "\(problem.code)"
    }
}
