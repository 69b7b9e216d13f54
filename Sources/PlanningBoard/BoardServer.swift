import Foundation
import Hummingbird
import NIOCore

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

    public init(state: BoardState, host: String, port: Int, token: String?, publish: @escaping @Sendable (BoardState) async throws -> String) {
        self.state = state
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
        let state = self.state
        router.get("/") { _, _ -> Response in
            Self.html(await state.page())
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
            do {
                return BoardCandidates(candidates: try await state.candidates(location: String(query.get("location") ?? ""), date: String(query.get("date") ?? ""),
                                                                              session: String(query.get("session") ?? "")))
            } catch { throw HTTPError(.badRequest, message: "\(error)") }
        }
        let publish = self.publish
        router.post("/api/publish") { _, _ -> BoardPublished in
            do { return BoardPublished(folder: try await publish(state)) } catch { throw HTTPError(.conflict, message: "\(error)") }
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

/// Where a publish wrote the roster's files.
public struct BoardPublished: Codable, Sendable { public let folder: String }

extension BoardRoster: ResponseEncodable {}
extension BoardVerdict: ResponseEncodable {}
extension BoardCandidates: ResponseEncodable {}
extension BoardPublished: ResponseEncodable {}
