@testable import Planning
import Testing

@Suite("Objective weights")
struct ObjectiveWeightsTests {
    @Test("The planner's order: care ≫ agency ≫ hours near contract ≫ extra spend ≫ wishes, fairness, patterns, faces")
    func priorityOrder() {
        let weights = ObjectiveWeights.standard
        let dearestEuros = 100 * weights.costPerEuro
        // An hour of uncovered care outweighs the dearest hour of work anyone can give: a
        // vacancy's, an agency worker's, a salaried person's far above their band.
        #expect(weights.uncoveredCarePerHour > weights.vacancyPerHour + dearestEuros)
        #expect(weights.uncoveredCarePerHour > weights.unplacedAttendancePerHour)
        #expect(weights.unplacedAttendancePerHour > weights.vacancyPerHour + dearestEuros)
        // A vacancy only where no real person can; an agency worker only where nobody salaried or flex can.
        #expect(weights.vacancyPerHour > weights.workedHour + weights.agencyPerHour + dearestEuros)
        #expect(weights.agencyPerHour > weights.aboveBandPerHour + 2 * dearestEuros)
        // No hour of work pays for itself: the steepest contract reward stays below an hour's price.
        #expect(weights.workedHour > weights.underContractSteepest)
        // The reward's smallest step (of nine, down to a fifth) outweighs a face and a wish of
        // weight 1 per hour: the work is spread by contract before faces or wishes are weighed.
        let step = weights.underContractSteepest * 0.8 / 8
        #expect(step > weights.faceAtLocation && step > weights.wishPerWeight)
        // Hours near contract ≫ extra spend: beyond the band costs more than any hour's euros.
        #expect(weights.aboveBandPerHour > dearestEuros)
        // Extra spend ≫ wishes: an hour at € 20 outweighs a wish of weight 1.
        #expect(weights.costPerEuro * 20 > weights.wishPerWeight)
        #expect(weights.onCallDuty > 2 * weights.unfairPerSession && weights.uncoveredCarePerHour > 100 * weights.onCallDuty)
        #expect(weights.uncoveredCarePerHour > 7 * 3 * 5 * weights.wishPerWeight)
        #expect(weights.uncoveredCarePerHour > 100 * max(weights.notKeyWorker, weights.unfairPerSession))
        // A shortened daily rest only where care needs it: dearer than giving an 8-hour shift to a
        // flex worker (€ 20) instead of a salaried colleague far below contract, cheaper than an agency shift.
        #expect(weights.shortenedRest > 8 * (weights.underContractSteepest + 20 * weights.costPerEuro))
        #expect(weights.shortenedRest < 8 * weights.agencyPerHour && weights.uncoveredCarePerHour * 8 > 10 * weights.shortenedRest)
        #expect(weights.backwardRotation > weights.faceAtLocation && weights.uncoveredCarePerHour > 100 * weights.backwardRotation)
    }

    @Test("Every soft rule of the model is a term of the objective's registry, so the score prices what the model prices")
    func everySoftRuleIsATerm() {
        let terms = Set(PlanningRules.objective.map(\.label))
        let soft = PlanningRules.model.filter { $0.label.contains("(soft") }
        #expect(soft.count >= 8)
        for rule in soft {
            #expect(rule is any ObjectiveTerm && terms.contains(rule.label), "\(rule.label) is priced by the model but not by the score")
        }
    }
}
