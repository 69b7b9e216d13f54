import Foundation

/// A model, the options of a solve and its answer as bytes: how a solve crosses into a child
/// process (`IsolatedGLPKSolver`), so that a solver that hangs or aborts can be killed or lost
/// without taking the planner down. Little-endian, counts before their items; names are not sent
/// (the child only solves).
public enum ModelWire {
    /// A solve request: the model and the options that a child can honour (callbacks stay home).
    public static func request(_ model: Model, options: SolveOptions) -> Data {
        var out = WireWriter()
        out.int(model.variables.count)
        for variable in model.variables {
            out.byte(variable.kind == .continuous ? 0 : variable.kind == .integer ? 1 : 2)
            out.double(variable.lowerBound)
            out.double(variable.upperBound)
        }
        out.int(model.constraints.count)
        for constraint in model.constraints {
            out.double(constraint.lowerBound)
            out.double(constraint.upperBound)
            out.int(constraint.terms.count)
            for term in constraint.terms {
                out.int(term.variable.index)
                out.double(term.coefficient)
            }
        }
        out.byte(model.sense == .minimize ? 0 : 1)
        out.double(model.objective.constant)
        let terms = model.objective.sortedTerms
        out.int(terms.count)
        for (variable, coefficient) in terms {
            out.int(variable.index)
            out.double(coefficient)
        }
        out.double(options.timeLimitSeconds ?? -1)
        out.double(options.relativeGap)
        out.int(options.nodeLimit ?? -1)
        out.doubles(options.initialSolution)
        return out.data
    }

    /// The model and options of a request, rebuilt and validated as any model is.
    public static func decodeRequest(_ data: Data) throws -> (Model, SolveOptions) {
        var input = WireReader(data)
        var model = Model(name: "child")
        let variables = try input.int()
        for index in 0..<variables {
            let kind: VariableKind = switch try input.byte() { case 0: .continuous; case 1: .integer; default: .binary }
            let lower = try input.double(), upper = try input.double()
            _ = try model.addVariable("x\(index)", kind: kind, lowerBound: lower, upperBound: upper)
        }
        let constraints = try input.int()
        for index in 0..<constraints {
            let lower = try input.double(), upper = try input.double()
            var expression = LinearExpression()
            for _ in 0..<(try input.int()) {
                let variable = Variable(index: try input.int())
                expression.add(variable, coefficient: try input.double())
            }
            try model.add(LinearConstraint(expression: expression, lowerBound: lower, upperBound: upper), name: "r\(index)")
        }
        let sense: ObjectiveSense = try input.byte() == 0 ? .minimize : .maximize
        var objective = LinearExpression(constant: try input.double())
        for _ in 0..<(try input.int()) {
            let variable = Variable(index: try input.int())
            objective.add(variable, coefficient: try input.double())
        }
        try model.setObjective(objective, sense: sense)
        var options = SolveOptions()
        let limit = try input.double()
        options.timeLimitSeconds = limit < 0 ? nil : limit
        options.relativeGap = try input.double()
        let nodes = try input.int()
        options.nodeLimit = nodes < 0 ? nil : nodes
        options.initialSolution = try input.doubles()
        return (model, options)
    }

    /// One message from the child: a log line, progress, a better solution, the answer, or a failure.
    public enum Message {
        case log(String)
        case progress(SolveProgress)
        case incumbent([Double], Double)
        case solution(Solution)
        case failure(String)
    }

    /// A message framed as type, length and payload.
    public static func frame(_ message: Message) -> Data {
        var out = WireWriter()
        let type: UInt8
        switch message {
        case let .log(line):
            type = 0
            out.bytes(Data(line.utf8))
        case let .progress(progress):
            type = 1
            out.double(progress.incumbent ?? .nan)
            out.double(progress.bound ?? .nan)
            out.double(progress.elapsedSeconds)
        case let .incumbent(values, objective):
            type = 2
            out.double(objective)
            out.doubles(values)
        case let .solution(solution):
            type = 3
            let statuses: [TerminationStatus] = [.optimal, .feasible, .infeasible, .unbounded, .noSolutionInTime, .stopped]
            out.byte(UInt8(statuses.firstIndex(of: solution.status)!))
            out.double(solution.objective ?? .nan)
            out.double(solution.bestBound ?? .nan)
            out.double(solution.solveSeconds)
            out.byte(solution.warmStartAccepted.map { $0 ? 1 : 0 } ?? 2)
            out.doubles(solution.values)
        case let .failure(text):
            type = 4
            out.bytes(Data(text.utf8))
        }
        var framed = WireWriter()
        framed.byte(type)
        framed.int(out.data.count)
        return framed.data + out.data
    }

    /// Reads framed messages off a growing buffer; returns the complete ones and keeps the rest.
    public static func messages(in buffer: inout Data) throws -> [Message] {
        var found: [Message] = []
        while buffer.count >= 9 {
            var header = WireReader(buffer.prefix(9))
            let type = try header.byte()
            let length = try header.int()
            guard buffer.count >= 9 + length else { break }
            var input = WireReader(buffer.subdata(in: buffer.startIndex + 9..<buffer.startIndex + 9 + length))
            buffer = buffer.subdata(in: buffer.startIndex + 9 + length..<buffer.endIndex)
            switch type {
            case 0: found.append(.log(String(decoding: try input.rest(), as: UTF8.self)))
            case 1:
                let incumbent = try input.double(), bound = try input.double(), elapsed = try input.double()
                found.append(.progress(SolveProgress(incumbent: incumbent.isNaN ? nil : incumbent, bound: bound.isNaN ? nil : bound, elapsedSeconds: elapsed)))
            case 2:
                let objective = try input.double()
                found.append(.incumbent(try input.doubles() ?? [], objective))
            case 3:
                let statuses: [TerminationStatus] = [.optimal, .feasible, .infeasible, .unbounded, .noSolutionInTime, .stopped]
                let status = statuses[min(Int(try input.byte()), statuses.count - 1)]
                let objective = try input.double(), bound = try input.double(), seconds = try input.double()
                let accepted = try input.byte()
                var solution = Solution(status: status, values: try input.doubles() ?? [], objective: objective.isNaN ? nil : objective,
                                        bestBound: bound.isNaN ? nil : bound, solveSeconds: seconds)
                solution.warmStartAccepted = accepted == 2 ? nil : accepted == 1
                found.append(.solution(solution))
            default: found.append(.failure(String(decoding: try input.rest(), as: UTF8.self)))
            }
        }
        return found
    }
}

/// A malformed message between parent and child.
public struct WireError: Error, CustomStringConvertible {
    public let description: String

    public init(description: String) { self.description = description }
}

struct WireWriter {
    var data = Data()

    mutating func byte(_ value: UInt8) { data.append(value) }
    mutating func int(_ value: Int) { withUnsafeBytes(of: Int64(value).littleEndian) { data.append(contentsOf: $0) } }
    mutating func double(_ value: Double) { withUnsafeBytes(of: value.bitPattern.littleEndian) { data.append(contentsOf: $0) } }
    mutating func bytes(_ value: Data) { data.append(value) }
    /// A list of doubles, or none (count −1).
    mutating func doubles(_ values: [Double]?) {
        guard let values else { int(-1); return }
        int(values.count)
        data.reserveCapacity(data.count + values.count * 8)
        for value in values { double(value) }
    }
}

struct WireReader {
    private let data: Data
    private var offset: Int

    init(_ data: Data) {
        self.data = data
        self.offset = data.startIndex
    }

    private mutating func take(_ count: Int) throws -> Data {
        guard count >= 0, offset + count <= data.endIndex else { throw WireError(description: "the message ends early") }
        defer { offset += count }
        return data.subdata(in: offset..<offset + count)
    }

    mutating func byte() throws -> UInt8 { try take(1).first! }
    mutating func int() throws -> Int {
        let raw = try take(8).withUnsafeBytes { $0.loadUnaligned(as: Int64.self) }
        return Int(Int64(littleEndian: raw))
    }
    mutating func double() throws -> Double {
        let raw = try take(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
        return Double(bitPattern: UInt64(littleEndian: raw))
    }
    mutating func doubles() throws -> [Double]? {
        let count = try int()
        guard count >= 0 else { return nil }
        guard count <= (data.endIndex - offset) / 8 else { throw WireError(description: "a list is longer than its message") }
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try double()) }
        return values
    }
    mutating func rest() throws -> Data { try take(data.endIndex - offset) }
}
