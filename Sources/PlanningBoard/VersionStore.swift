import Foundation
import GRDB

/// One saved or published version of the board's roster.
public struct BoardVersion: Codable, Sendable, FetchableRecord, MutablePersistableRecord {
    public var id: Int64?

    public init(id: Int64?, kind: String, createdAt: String, author: String, note: String, changes: Int, rows: String) {
        self.id = id
        self.kind = kind
        self.createdAt = createdAt
        self.author = author
        self.note = note
        self.changes = changes
        self.rows = rows
    }

    /// `draft` (saved) or `published`.
    public var kind: String
    public var createdAt: String
    public var author: String
    public var note: String
    /// Rows changed against the previous published version (for a published one).
    public var changes: Int
    /// The roster's rows as the API gives them (JSON of `BoardRow`).
    public var rows: String

    public static let databaseTableName = "version"

    enum CodingKeys: String, CodingKey { case id, kind, author, note, changes, rows, createdAt = "created_at" }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// Where the board keeps its saved and published versions: SQLite beside the folder
/// (`VersionStore`), or PostgreSQL for a team server (`PostgresVersions`).
public protocol VersionArchive: Sendable {
    /// The database, for messages (no password).
    var place: String { get }
    func add(_ version: BoardVersion) async throws -> BoardVersion
    /// Every version, newest first, without their rows.
    func list() async throws -> [BoardVersion]
    func version(_ id: Int64) async throws -> BoardVersion?
}

/// The board's versions in a real database: SQLite, a file beside the output folder (GRDB);
/// the schema migrates itself.
public final class VersionStore: VersionArchive {
    let queue: DatabaseQueue
    public let place: String

    public init(path: String) throws {
        place = path
        queue = try DatabaseQueue(path: path)
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: versions") { db in
            try db.create(table: "version") { table in
                table.autoIncrementedPrimaryKey("id")
                table.column("kind", .text).notNull()
                table.column("created_at", .text).notNull()
                table.column("author", .text).notNull()
                table.column("note", .text).notNull()
                table.column("changes", .integer).notNull()
                table.column("rows", .text).notNull()
            }
        }
        try migrator.migrate(queue)
    }

    public func add(_ version: BoardVersion) throws -> BoardVersion {
        try queue.write { db in
            var saved = version
            try saved.insert(db)
            return saved
        }
    }

    /// Every version, newest first, without their rows.
    public func list() throws -> [BoardVersion] {
        try queue.read { db in
            try BoardVersion.order(Column("id").desc).fetchAll(db).map { version in
                var shown = version
                shown.rows = ""
                return shown
            }
        }
    }

    public func version(_ id: Int64) throws -> BoardVersion? {
        try queue.read { db in try BoardVersion.fetchOne(db, key: id) }
    }

    /// The newest published version, if any.
    public func lastPublished() throws -> BoardVersion? {
        try queue.read { db in try BoardVersion.filter(Column("kind") == "published").order(Column("id").desc).fetchOne(db) }
    }
}
