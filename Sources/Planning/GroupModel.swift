import CareDomain
import Optimization

/// The mixed-integer model of one independent part of the week's group care.
///
/// Built in named steps (variables, then each rule's constraints, then the objective), every
/// variable and constraint named in care terms so that an LP dump reads like the roster.
final class GroupModel {
    let scenario: Scenario
    let demands: [SessionDemand]
    let staff: [Staff]
    let weights: ObjectiveWeights
    var model: Model

    /// x[person, session]: the person works the session.
    private(set) var assignments: [GroupSessionID: [(staff: Staff, variable: Variable)]] = [:]
    private(set) var sessionsByStaff: [StaffID: [(demand: SessionDemand, variable: Variable)]] = [:]
    /// a[client, session]: an `attends_any` client is placed in the session.
    private(set) var attendance: [ClientID: [(session: GroupSessionID, variable: Variable)]] = [:]
    var attendanceShortfall: [ClientID: Variable] = [:]
    var staffingShortfall: [GroupSessionID: Variable] = [:]
    var leadShortfall: [GroupSessionID: [(level: QualificationLevel, variable: Variable)]] = [:]
    var skillShortfall: [GroupSessionID: [(skill: String, variable: Variable)]] = [:]
    var objective = LinearExpression()

    init(scenario: Scenario, demands: [SessionDemand], staff: [Staff], weights: ObjectiveWeights, name: String) {
        self.scenario = scenario
        self.demands = demands
        self.staff = staff
        self.weights = weights
        self.model = Model(name: name)
    }

    /// Builds the whole model: one call per rule family.
    func build() throws {
        try addAssignmentVariables()
        try addAttendanceChoices()          // Rules/AttendanceChoiceRule.swift
        try addStaffingRatio()              // Rules/StaffingRatioRule.swift
        try addLeadLevel()                  // Rules/LeadLevelRule.swift
        try addSkillNeeds()                 // Rules/SkillNeedRule.swift
        try addNoDoubleBooking()            // Rules/NoDoubleBookingRule.swift
        try addWeeklyHours()                // Rules/WeeklyHoursRule.swift
        try addShiftLengthAndNightRest()    // Rules/ShiftLengthRule.swift
        try addWeeklyRest()                 // Rules/WeeklyRestRule.swift
        try addContractHoursObjective()     // Rules/ContractHoursObjective.swift
        try addContinuityAndCost()          // Rules/ContinuityObjective.swift
        try model.setObjective(objective)
    }

    /// One binary per person and session the person may work (location, availability, absence
    /// and shift length are settled here, so no variable exists for a forbidden pairing).
    private func addAssignmentVariables() throws {
        for person in staff {
            let calendar = StaffCalendar(staff: person)
            for demand in demands where calendar.eligibility(for: demand.session, week: scenario.week, rules: scenario.labourRules) == .eligible {
                let variable = try model.addVariable(modelName("work", person.id.rawValue, demand.session), kind: .binary)
                assignments[demand.id, default: []].append((person, variable))
                sessionsByStaff[person.id, default: []].append((demand, variable))
            }
        }
    }

    func registerAttendance(client: ClientID, session: GroupSessionID, variable: Variable) {
        attendance[client, default: []].append((session, variable))
    }

    /// The people working a session who satisfy `qualifies`, as a sum of their variables.
    func workers(in session: GroupSessionID, where qualifies: (Staff) -> Bool) -> LinearExpression {
        LinearExpression.sum((assignments[session] ?? []).filter { qualifies($0.staff) }.map(\.variable))
    }

    func attendanceVariable(client: ClientID, session: GroupSessionID) -> Variable? {
        attendance[client]?.first { $0.session == session }?.variable
    }
}

/// A model name from care terms: `work[s01,linde,mon,ochtend]`; unusable characters become `_`.
func modelName(_ family: String, _ parts: CustomStringConvertible...) -> String {
    let inner = parts.map { part -> String in
        if let session = part as? GroupSession { return "\(session.location),\(session.slot.day),\(session.slot.name)" }
        if let id = part as? GroupSessionID { return "\(id.location),\(id.slot.day),\(id.slot.name)" }
        return part.description
    }.joined(separator: ",")
    let cleaned = String(String.UnicodeScalarView(inner.unicodeScalars.map {
        ($0.value > 32 && $0.value < 127 && $0 != "[" && $0 != "]") ? $0 : "_"
    }))
    return String("\(family)[\(cleaned)]".prefix(255))
}
