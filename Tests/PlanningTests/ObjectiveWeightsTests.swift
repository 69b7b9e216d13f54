import Planning
import Testing

@Suite("Objective weights")
struct ObjectiveWeightsTests {
    @Test("Uncovered care ≫ contract hours ≫ continuity ≫ cost; wishes between care and cost")
    func priorityOrder() {
        let weights = ObjectiveWeights.standard
        // A quarter hour of uncovered care outweighs a full 60-hour week off contract for one person.
        #expect(weights.uncoveredCarePerHour * 0.25 > weights.contractDeviationPerHour * 60)
        #expect(weights.uncoveredCarePerHour > weights.unplacedAttendancePerHour)
        #expect(weights.belowMinimumHoursPerHour > weights.contractDeviationPerHour)
        // One extra face at a location costs less than an hour of contract deviation.
        #expect(weights.contractDeviationPerHour > weights.faceAtLocation)
        // An hour of a costly person (€80 an hour) weighs less than one new face.
        #expect(weights.faceAtLocation > weights.costPerEuro * 80)
        #expect(weights.onCallDuty > 2 * weights.unfairPerSession && weights.uncoveredCarePerHour > 100 * weights.onCallDuty)
        // Wishes (SCENARIO.md 1.1): below uncovered care (all of a week's important wishes of one
        // person under an hour of care), above cost: the least wish outweighs an 8 h shift at €50.
        #expect(weights.uncoveredCarePerHour > 7 * 3 * 5 * weights.wishPerWeight)
        #expect(weights.wishPerWeight > weights.costPerEuro * 50 * 8)
        // Key workers and fairness steer who works, never whether: far below care.
        #expect(weights.uncoveredCarePerHour > 100 * max(weights.notKeyWorker, weights.unfairPerSession))
        // A backward rotation outweighs one more face, never an hour of care.
        #expect(weights.backwardRotation > weights.faceAtLocation && weights.uncoveredCarePerHour > 100 * weights.backwardRotation)
    }
}
