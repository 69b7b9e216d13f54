import Foundation
import Hummingbird
import NIOCore
import CareDomain

/// `zorgrooster serve`: the planning board as a local web application (Hummingbird 2). On
/// loopback by default; any other address asks for a token, and every request must carry it
/// (`Authorization: Bearer TOKEN`, or `?token=` for the page).
public struct BoardServer: Sendable {
    public let state: BoardState
    public let host: String
    public let port: Int
    public let token: String?
    /// Writes the draft's complete output folder; returns where.
    public let publish: @Sendable (BoardState) async throws -> String
    /// Saved and published versions.
    public let versions: any VersionArchive
    /// The running re-solve's progress (`GET /api/progress`).
    public let watch = SolveWatch()

    public init(state: BoardState, host: String, port: Int, token: String?, versions: any VersionArchive,
                publish: @escaping @Sendable (BoardState) async throws -> String) {
        self.state = state
        self.versions = versions
        self.host = host
        self.port = port
        self.token = token
        self.publish = publish
    }

    /// Runs until the process is stopped; `started` is told the address it listens on.
    public func run(started: @escaping @Sendable (String) -> Void) async throws {
        let router = Router()
        let token = self.token
        router.add(middleware: TokenMiddleware(token: token))
        let state = self.state, watch = self.watch
        router.get("/api/progress") { _, _ -> BoardProgress in watch.current }
        router.get("/") { request, _ -> Response in
            // `?lang=en` (or `nl`): the page in that language, whatever the board's.
            let asked = request.uri.queryParameters.get("lang").flatMap { ReportLanguage(rawValue: String($0)) }
            return Self.html(await state.page(in: asked))
        }
        router.get("/api/roster") { _, _ -> BoardRoster in
            await state.roster()
        }
        router.post("/api/check") { request, context -> BoardVerdict in
            let move = try await request.decode(as: BoardMove.self, context: context)
            do { return try await state.judge(move, apply: false) } catch { throw HTTPError(.badRequest, message: "\(error)") }
        }
        router.post("/api/move") { request, context -> BoardVerdict in
            let move = try await request.decode(as: BoardMove.self, context: context)
            do { return try await state.judge(move, apply: true) } catch { throw HTTPError(.badRequest, message: "\(error)") }
        }
        router.get("/api/candidates") { request, _ -> BoardCandidates in
            let query = request.uri.queryParameters
            let text = { (name: String) -> String? in query.get(name).map { String($0) } }
            do {
                // Client work: a visit or evaluation (`client`), or a seat at an `appointment`, at `start`.
                if text("client") != nil || text("appointment") != nil {
                    let slot = BoardSlot(staffId: "", date: text("date") ?? "", activity: text("activity") ?? (text("appointment") != nil ? "appointment" : "visit"),
                                         client: text("client"), appointment: text("appointment"), start: text("start"))
                    return BoardCandidates(candidates: try await state.candidates(forWork: slot))
                }
                return BoardCandidates(candidates: try await state.candidates(location: String(query.get("location") ?? ""), date: String(query.get("date") ?? ""),
                                                                              session: String(query.get("session") ?? "")))
            } catch { throw HTTPError(.badRequest, message: "\(error)") }
        }
        router.post("/api/absence") { request, context -> BoardProposal in
            let sick = try await request.decode(as: BoardAbsence.self, context: context)
            do { return try await state.proposeAbsence(staff: sick.staffId, date: sick.date, seconds: sick.timeLimitSeconds ?? 10, watch: watch) } catch {
                throw HTTPError(.badRequest, message: "\(error)")
            }
        }
        router.post("/api/resolve") { request, context -> BoardProposal in
            let ask = try await request.decode(as: BoardResolve.self, context: context)
            do { return try await state.proposeResolve(locked: ask.locked, seconds: ask.timeLimitSeconds ?? 10, watch: watch) } catch {
                throw HTTPError(.badRequest, message: "\(error)")
            }
        }
        router.post("/api/proposals/{id}/accept") { _, context -> BoardRoster in
            let id = try context.parameters.require("id", as: Int.self)
            do { return try await state.accept(id) } catch { throw HTTPError(.conflict, message: "\(error)") }
        }
        router.post("/api/proposals/{id}/reject") { _, context -> HTTPResponse.Status in
            let id = try context.parameters.require("id", as: Int.self)
            do { try await state.reject(id) } catch { throw HTTPError(.conflict, message: "\(error)") }
            return .noContent
        }
        let publish = self.publish, versions = self.versions
        /// A version of the draft as it stands, recorded.
        @Sendable func record(_ kind: String, _ request: BoardVersionRequest) async throws -> BoardVersion {
            let rows = String(decoding: try JSONEncoder().encode(await state.roster().rows), as: UTF8.self)
            let stamp = ISO8601DateFormatter().string(from: Date())
            return try await versions.add(BoardVersion(id: nil, kind: kind, createdAt: stamp, author: request.author ?? "", note: request.note ?? "",
                                                 changes: await state.changesSincePublished(), rows: rows))
        }
        router.post("/api/save") { request, context -> BoardVersion in
            let ask = (try? await request.decode(as: BoardVersionRequest.self, context: context)) ?? BoardVersionRequest()
            return try await record("draft", ask)
        }
        router.post("/api/publish") { request, context -> BoardPublished in
            let ask = (try? await request.decode(as: BoardVersionRequest.self, context: context)) ?? BoardVersionRequest()
            do {
                let folder = try await publish(state)
                let version = try await record("published", ask)
                await state.markPublished()
                return BoardPublished(folder: folder, version: version.id ?? 0)
            } catch { throw HTTPError(.conflict, message: "\(error)") }
        }
        router.get("/api/versions") { _, _ -> BoardVersions in
            BoardVersions(versions: try await versions.list())
        }
        router.get("/api/versions/{id}") { _, context -> BoardVersion in
            let id = try context.parameters.require("id", as: Int64.self)
            guard let version = try await versions.version(id) else { throw HTTPError(.notFound, message: "no version \(id)") }
            return version
        }
        let app = Application(router: router, configuration: .init(address: .hostname(host, port: port), serverName: "zorgrooster"),
                              onServerRunning: { channel in started("http://\(self.host):\(channel.localAddress?.port ?? self.port)/") })
        try await app.runService()
    }

    static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Refuses every request without the board's token, where one is set.
struct TokenMiddleware<Context: RequestContext>: RouterMiddleware {
    let token: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let token else { return try await next(request, context) }
        let bearer = request.headers[.authorization].map { $0 == "Bearer \(token)" } ?? false
        let query = request.uri.queryParameters.get("token").map { String($0) == token } ?? false
        guard bearer || query else { throw HTTPError(.unauthorized, message: "this board asks for its token (Authorization: Bearer TOKEN)") }
        return try await next(request, context)
    }
}

/// The candidates for one place, best first.
public struct BoardCandidates: Codable, Sendable { public let candidates: [BoardCandidate] }

/// Where a publish wrote the roster's files, and its version's number.
public struct BoardPublished: Codable, Sendable {
    public let folder: String
    public let version: Int64
}

/// Who saves or publishes, and why.
public struct BoardVersionRequest: Codable, Sendable {
    public var author: String? = nil
    public var note: String? = nil
}

public struct BoardVersions: Codable, Sendable { public let versions: [BoardVersion] }

extension BoardVersion: ResponseEncodable {}
extension BoardVersions: ResponseEncodable {}

extension BoardRoster: ResponseEncodable {}
extension BoardVerdict: ResponseEncodable {}
extension BoardCandidates: ResponseEncodable {}
extension BoardPublished: ResponseEncodable {}

/// A sick call: the person and the date (and how long the re-plan may search).
public struct BoardAbsence: Codable, Sendable {
    public let staffId: String
    public let date: String
    public let timeLimitSeconds: Double?
    enum CodingKeys: String, CodingKey { case date, staffId = "staff_id", timeLimitSeconds = "time_limit_seconds" }
}

/// Re-solve around the rows to keep.
public struct BoardResolve: Codable, Sendable {
    public let locked: [BoardSlot]
    public let timeLimitSeconds: Double?
    enum CodingKeys: String, CodingKey { case locked, timeLimitSeconds = "time_limit_seconds" }
}

extension BoardProposal: ResponseEncodable {}
extension BoardProgress: ResponseEncodable {}
