import Foundation
import CareDomain
import Optimization

/// Answers "what staff does this contract need?" at the stated volume and around it.
public struct TenderEstimator<S: Solver>: Sendable {
    let solver: S
    public var timeLimitSeconds: Double = 60
    /// One deadline for the whole estimate (every volume, product and term it solves): each
    /// solve gets at most half of what is left (two passes), never less than a tenth of a
    /// second, and a row solved short of it says `feasible`, not `optimal`. Nil: each solve
    /// gets `timeLimitSeconds`.
    public var deadline: Date? = nil

    public init(solver: S) { self.solver = solver }

    /// The volumes of the sensitivity table: 80% to 120% of the contract's.
    public static var sensitivityFactors: [Double] { [0.8, 0.9, 1.0, 1.1, 1.2] }

    /// The minimum-cost staff mix at `factor` × the contract's volume; of equal cost, the fewest people.
    public func estimate(_ contract: TenderContract, factor: Double = 1) throws -> TenderEstimate {
        var tender = TenderModel(contract: contract, factor: factor)
        try tender.build()
        let limit = deadline.map { max(0.1, min(timeLimitSeconds, $0.timeIntervalSinceNow / 2)) } ?? timeLimitSeconds
        let options = SolveOptions(timeLimitSeconds: limit, relativeGap: 0)
        let cheapest = try solver.solve(tender.model, options: options)
        guard cheapest.status.hasSolution, let cost = cheapest.objective else {
            return TenderEstimate(volumeFactor: factor, lines: [], status: cheapest.status.rawValue)
        }
        // Second pass: keep the cost (to a cent) and ask the fewest heads, so the head count is not arbitrary.
        var fewest = tender
        try fewest.model.add(tender.objective <= cost + 0.01, name: "cost_at_most_cheapest")
        try fewest.model.setObjective(LinearExpression.sum(tender.kinds.map { tender.heads[$0]! }))
        let final = try solver.solve(fewest.model, options: options)
        let solution = final.status.hasSolution ? final : cheapest
        let lines = tender.kinds.compactMap { kind -> TenderEstimate.Line? in
            let fte = solution[tender.fte[kind]!]
            guard fte > 1e-6 else { return nil }
            return TenderEstimate.Line(
                level: kind.level.name, skill: kind.skill, fte: fte, heads: Int(solution[tender.heads[kind]!].rounded()),
                clientHours: tender.weekHours[kind]?.value(in: solution.values) ?? 0,
                weeklyCost: fte * contract.fteHours * contract.hourlyCost(of: kind.level))
        }
        let status = cheapest.status == .optimal && final.status == .optimal ? TerminationStatus.optimal : .feasible
        return TenderEstimate(volumeFactor: factor, lines: lines, status: status.rawValue)
    }
}
