import Testing
import Optimization
import GLPKSolver

@Suite("GLPK solver on known optima")
struct GLPKSolverTests {
    let solver = GLPKSolver()

    @Test("A two-variable LP reaches its vertex optimum")
    func linearProgram() throws {
        // max 3x + 2y  s.t. x + y ≤ 4, x + 3y ≤ 6, x ≤ 3  →  x = 3, y = 1, objective 11
        var model = Model(name: "lp")
        let x = try model.addVariable("x")
        let y = try model.addVariable("y")
        try model.add(x + y <= 4, name: "total")
        try model.add(LinearExpression(x) + 3 * y <= 6, name: "mix")
        try model.add(x <= 3, name: "x_cap")
        try model.setObjective(3 * x + 2 * y, sense: .maximize)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective! - 11) < 1e-7)
        #expect(abs(solution[x] - 3) < 1e-7)
        #expect(abs(solution[y] - 1) < 1e-7)
    }

    @Test("A knapsack MIP is solved to its integer optimum, not the LP bound")
    func knapsack() throws {
        // Items (value, weight): (10,5) (40,4) (30,6) (50,3), capacity 10 → take 2 and 4: 90.
        var model = Model(name: "knapsack")
        let items: [(Double, Double)] = [(10, 5), (40, 4), (30, 6), (50, 3)]
        let take = try items.indices.map { try model.addVariable("take[\($0)]", kind: .binary) }
        var weight = LinearExpression()
        var value = LinearExpression()
        for (index, item) in items.enumerated() {
            value.add(take[index], coefficient: item.0)
            weight.add(take[index], coefficient: item.1)
        }
        try model.add(weight <= 10, name: "capacity")
        try model.setObjective(value, sense: .maximize)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective! - 90) < 1e-7)
        #expect(take.map { solution[$0].rounded() } == [0, 1, 0, 1])
        #expect(abs(solution.bestBound! - 90) < 1e-6)
    }

    @Test("General integers with a constant in the objective")
    func integerWithConstant() throws {
        // min 2a + 3b + 7 s.t. a + b ≥ 3.5 (a, b integer ≥ 0) → a = 4, b = 0: 15
        var model = Model(name: "ints")
        let a = try model.addVariable("a", kind: .integer)
        let b = try model.addVariable("b", kind: .integer)
        try model.add(a + b >= 3.5, name: "need")
        var objective = 2 * a + 3 * b
        objective.constant = 7
        try model.setObjective(objective)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective! - 15) < 1e-7)
    }

    @Test("An infeasible model is reported as infeasible, not as a crash")
    func infeasible() throws {
        var model = Model(name: "infeasible")
        let x = try model.addVariable("x", kind: .integer, lowerBound: 0, upperBound: 10)
        try model.add(x >= 11, name: "too_much")
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .infeasible)
        #expect(solution.values.isEmpty)
    }

    @Test("An unbounded LP is reported as unbounded")
    func unbounded() throws {
        var model = Model(name: "unbounded")
        let x = try model.addVariable("x")
        try model.add(x >= 1, name: "floor")
        try model.setObjective(LinearExpression(x), sense: .maximize)
        #expect(try solver.solve(model, options: SolveOptions()).status == .unbounded)
    }

    @Test("A model without constraints or variables still solves")
    func emptyModels() throws {
        var model = Model(name: "empty")
        #expect(try solver.solve(model, options: SolveOptions()).status == .optimal)
        let x = try model.addVariable("x", kind: .binary)
        try model.setObjective(-1 * x)
        let solution = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(solution[x] == 1)
    }

    @Test("Invalid input is refused by the model before GLPK sees it")
    func invalidInputNeverReachesGLPK() throws {
        var model = Model(name: "bad")
        #expect(throws: ModelError.self) { try model.addVariable("x", lowerBound: 5, upperBound: 1) }
        // Names are made usable instead (see "Model names"); bounds and coefficients are refused.
        #expect(throws: ModelError.self) { try model.addVariable("y", lowerBound: .nan) }
        let x = try model.addVariable("x")
        #expect(throws: ModelError.self) { try model.add(LinearExpression([x: .infinity]) <= 1, name: "inf") }
        #expect(throws: ModelError.self) { try model.add(LinearExpression([Variable(index: 9): 1]) <= 1, name: "ghost") }
        #expect(throws: ModelError.self) { try model.add(LinearExpression(x) >= LinearExpression(constant: .nan), name: "nan") }
        // Finite but beyond any care figure: GLPK's scaling aborted the process on 1e300.
        #expect(throws: ModelError.self) { try model.add(LinearExpression([x: 1e300]) <= 1, name: "huge") }
        #expect(throws: ModelError.self) { try model.add(LinearExpression(x) <= 1e300, name: "far") }
        #expect(throws: ModelError.self) { try model.addVariable("z", upperBound: 1e13) }
        #expect(throws: ModelError.self) { try model.setObjective(LinearExpression([x: 1e200])) }
        try model.add(LinearExpression([x: 1e6]) <= 1e9, name: "large but sane")
    }

    @Test("GLPK's terminal output reaches the log handler")
    func capturesLog() throws {
        var model = Model(name: "logged")
        let x = try model.addVariable("x", kind: .integer, upperBound: 10)
        let y = try model.addVariable("y", kind: .integer, upperBound: 10)
        try model.add(2 * x + 2 * y <= 9, name: "cap")
        try model.setObjective(x + y, sense: .maximize)
        let lines = LineCollector()
        let solution = try solver.solve(model, options: SolveOptions(log: { lines.append($0) }))
        #expect(solution.objective == 4)
        #expect(lines.all.contains { $0.contains("INTEGER OPTIMAL SOLUTION FOUND") || $0.contains("+") })
    }

    @Test("A supplied initial solution is accepted as the first incumbent")
    func initialSolution() throws {
        var model = Model(name: "warm")
        let picks = try (0..<30).map { try model.addVariable("pick[\($0)]", kind: .binary) }
        var weight = LinearExpression()
        var value = LinearExpression()
        for (index, pick) in picks.enumerated() {
            weight.add(pick, coefficient: Double(7 + (index * 13) % 11))
            value.add(pick, coefficient: Double(5 + (index * 17) % 19))
        }
        try model.add(weight <= 60, name: "capacity")
        try model.setObjective(value, sense: .maximize)
        var start = [Double](repeating: 0, count: 30)
        start[0] = 1
        let solution = try solver.solve(model, options: SolveOptions(initialSolution: start))
        let cold = try solver.solve(model, options: SolveOptions())
        #expect(solution.status == .optimal)
        #expect(abs(solution.objective! - cold.objective!) < 1e-6)
        #expect(model.maximumViolation(of: solution.values) < 1e-6)
    }

    @Test("Separate models solve on separate threads at once")
    func parallelSolves() async throws {
        let results = try await withThrowingTaskGroup(of: Double.self) { group in
            for capacity in 1...4 {
                group.addTask {
                    var model = Model(name: "par\(capacity)")
                    let x = try model.addVariable("x", kind: .integer, upperBound: 100)
                    try model.add(3 * x <= Double(capacity * 10), name: "cap")
                    try model.setObjective(LinearExpression(x), sense: .maximize)
                    return try GLPKSolver().solve(model, options: SolveOptions()).objective!
                }
            }
            var all: [Double] = []
            for try await value in group { all.append(value) }
            return all.sorted()
        }
        #expect(results == [3, 6, 10, 13])
    }
}

final class LineCollector: @unchecked Sendable {
    private var lines: [String] = []
    private let lock = NSLockLike()
    func append(_ line: String) { lock.run { lines.append(line) } }
    var all: [String] { lock.run { lines } }
}

import Foundation
typealias NSLockLike = NSLock
extension NSLock {
    func run<T>(_ body: () -> T) -> T { lock(); defer { unlock() }; return body() }
}

@Suite("Fix-and-optimise subproblem")
struct SubproblemTests {
    @Test("Fixed variables become constants, rows without a free variable go, and the answer expands back")
    func substitutesFixedVariables() throws {
        var model = Model(name: "sub")
        let x = try (1...3).map { try model.addVariable("x\($0)", kind: .binary) }
        try model.add(LinearExpression.sum(x) >= 2, name: "two")
        try model.add(LinearExpression(x[0]) <= 1, name: "only_x1")
        var objective = LinearExpression()
        for (variable, cost) in zip(x, [3.0, 2.0, 1.0]) { objective.add(variable, coefficient: cost) }
        try model.setObjective(objective)
        let incumbent = [1.0, 1.0, 0.0]
        let sub = try Subproblem(of: model, freeing: [x[1].index, x[2].index], followers: [false, false, false], at: incumbent)
        #expect(sub.model.variables.count == 2)
        #expect(sub.model.constraints.map(\.name) == ["two"])
        #expect(sub.start == [1.0, 0.0])
        let solution = try GLPKSolver().solve(sub.model, options: SolveOptions(relativeGap: 0, initialSolution: sub.start))
        let full = sub.expand(solution.values)
        #expect(full == [1.0, 0.0, 1.0])
        #expect(abs(model.objective.value(in: full) - 4) < 1e-9)
        #expect(abs((solution.objective ?? 0) - 4) < 1e-9, "the fixed part stays in the objective as a constant")
    }
}

@Suite("Model names")
struct ModelNameTests {
    @Test("Names from care terms (a space, an umlaut, 300 letters) are made usable, and the model solves")
    func usableNames() throws {
        var model = Model(name: "week of Jürgen " + String(repeating: "ü", count: 200))
        #expect(model.name.utf8.count <= 255 && model.name.allSatisfy(\.isASCII))
        let x = try model.addVariable("skill_persoonlijke verzorging_Jürgen", kind: .binary)
        let y = try model.addVariable(String(repeating: "a", count: 300), kind: .binary)
        try model.add(LinearExpression(x) + LinearExpression(y) >= 1, name: "need persoonlijke verzorging")
        var objective = LinearExpression()
        objective.add(x, coefficient: 2)
        objective.add(y, coefficient: 1)
        try model.setObjective(objective)
        #expect(model.variables[0].name.hasPrefix("skill_persoonlijke_verzorging_J"))
        #expect(model.variables[0].name.allSatisfy { $0.isASCII && $0 != " " })
        #expect(model.variables[1].name.utf8.count == 255)
        #expect(model.constraints[0].name == "need_persoonlijke_verzorging")
        let solution = try GLPKSolver().solve(model, options: SolveOptions(relativeGap: 0))
        #expect(solution.objective == 1)
    }
}
