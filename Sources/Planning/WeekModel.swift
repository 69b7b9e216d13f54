import CareDomain
import Optimization

/// The mixed-integer model of one independent part of the week: group sessions, client tasks
/// (visits, evaluations) per person-day, appointments per day, and end responsibility.
///
/// Built in named steps (variables, then each rule's constraints, then the objective), every
/// variable and constraint named in care terms so that an LP dump reads like the roster.
final class WeekModel {
    let scenario: Scenario
    let demands: [SessionDemand]
    let staff: [Staff]
    let tasks: [ClientTask]
    let responsibilities: [ResponsibilityDemand]
    let appointments: [AppointmentDemand]
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
    /// v[task, person, day]: how many of a client task's visits the person makes that day.
    var taskAssignments: [[(option: TaskOption, variable: Variable)]] = []
    var taskShortfall: [Variable] = []
    /// r[client, person]: the person is the client's end-responsible professional.
    var responsible: [ClientID: [(staff: StaffID, variable: Variable)]] = [:]
    var responsibleShortfall: [ClientID: Variable] = [:]
    /// Coordination hours per person, over their responsibility variables.
    var coordinationByStaff: [StaffID: LinearExpression] = [:]
    /// h[appointment, day]: the appointment is held that day; seat[appointment, role, person, day].
    var appointmentDays: [String: [(day: Weekday, variable: Variable)]] = [:]
    var appointmentSeats: [String: [AppointmentSeat]] = [:]
    var appointmentShortfall: [String: Variable] = [:]
    /// Per person, work placed by the day rather than at a time (visits, evaluations, appointment seats).
    var dayWorkByStaff: [StaffID: [DayWork]] = [:]
    var objective = LinearExpression()
    /// Per person, "works on day d" (0 = Monday, 7 = the next Monday a Sunday night reaches),
    /// made once for the rules of shift patterns (`workedDayVariables`).
    var workedDays: [StaffID: [Int: Variable]] = [:]
    /// Per session, the only people offered (nil: everyone the calendar allows). A model this
    /// restricted still gives valid rosters, but its bound is not a bound of the week.
    var offered: [GroupSessionID: Set<StaffID>]? = nil
    /// Hours per person the hours row allows above the limit: where the roster the model starts
    /// from has breaks its rows cannot see (a session joined to visits or another session
    /// without a pause), so that roster stays a solution of the model (its warm start). The
    /// oracle, which counts whole shifts, keeps every roster within the true limit.
    var hoursAllowance: [StaffID: Double] = [:]

    init(scenario: Scenario, demands: [SessionDemand], staff: [Staff], tasks: [ClientTask] = [],
         responsibilities: [ResponsibilityDemand] = [], appointments: [AppointmentDemand] = [],
         weights: ObjectiveWeights, name: String) {
        self.scenario = scenario
        self.demands = demands
        self.staff = staff
        self.tasks = tasks
        self.responsibilities = responsibilities
        self.appointments = appointments
        self.weights = weights
        self.model = Model(name: name)
    }

    /// When building must stop: a model that would not be ready in time is abandoned (the
    /// construction's roster stands) rather than let the command overrun its limit.
    var buildDeadline: Deadline? = nil
    private var deadlineChecks = 0

    /// Thrown by `checkBuildDeadline` once `buildDeadline` has passed.
    struct BuildAbandoned: Error, CustomStringConvertible {
        var description: String { "the model was not built before the deadline" }
    }

    /// Throws `BuildAbandoned` once the build deadline has passed; asked every so many rows by the
    /// rules that write rows per chain of sessions (their count grows fastest with floaters).
    func checkBuildDeadline() throws {
        deadlineChecks += 1
        guard deadlineChecks % 512 == 0 else { return }
        if buildDeadline?.hasPassed == true { throw BuildAbandoned() }
    }

    /// Builds the whole model: the variables, then every rule of `PlanningRules.model` in turn.
    func build() throws {
        try addAssignmentVariables()
        for rule in PlanningRules.model {
            if buildDeadline?.hasPassed == true { throw BuildAbandoned() }
            try rule.addRows(to: self)
        }
        try model.setObjective(objective)
    }

    /// The variables and only `rules`' rows, no objective: a rule's rows alone, for the rule
    /// verifier (`SessionRuleTests`) that holds a unit's verdict against them.
    func build(only rules: [any ModelRule]) throws {
        try addAssignmentVariables()
        for rule in rules { try rule.addRows(to: self) }
    }

    /// One binary per person and session the person may work (location, availability, absence
    /// and shift length are settled here, so no variable exists for a forbidden pairing).
    private func addAssignmentVariables() throws {
        for person in staff {
            let calendar = StaffCalendar(staff: person)
            // The offer first: a restricted model at 2,000 staff offers 1% of 1.7 million pairs.
            for demand in demands where offered?[demand.id]?.contains(person.id) ?? (offered == nil)
                && calendar.eligibility(for: demand.session, in: scenario) == .eligible {
                let variable = try model.addVariable(modelName("work", person.id.rawValue, demand.session), kind: .binary)
                assignments[demand.id, default: []].append((person, variable))
                sessionsByStaff[person.id, default: []].append((demand, variable))
            }
        }
    }

    /// A person's sessions that are work for the labour rules (shifts, rests, days, nights, hours):
    /// all but on-call duty (bereikbaarheidsdienst), which leaves the person free unless called
    /// and only keeps them from being anywhere else at the time.
    func workingSessions(of staff: StaffID) -> [(demand: SessionDemand, variable: Variable)] {
        (sessionsByStaff[staff] ?? []).filter { $0.demand.session.kind != .onCall }
    }

    func registerDayWork(_ work: DayWork, for staff: StaffID) {
        dayWorkByStaff[staff, default: []].append(work)
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

    /// Marks the variables that are not decisions (shortfalls, faces, deviations, rest choices):
    /// they follow from the decisions, so a neighbourhood frees them along with its decisions.
    func followerMask() -> [Bool] {
        var follower = Array(repeating: true, count: model.variables.count)
        for choices in assignments.values { for (_, variable) in choices { follower[variable.index] = false } }
        for choices in attendance.values { for (_, variable) in choices { follower[variable.index] = false } }
        for options in taskAssignments { for (_, variable) in options { follower[variable.index] = false } }
        for choices in responsible.values { for (_, variable) in choices { follower[variable.index] = false } }
        for days in appointmentDays.values { for (_, variable) in days { follower[variable.index] = false } }
        for seats in appointmentSeats.values { for seat in seats { follower[seat.variable.index] = false } }
        return follower
    }
}

/// Work a person does on a day at a time the planner sets after the solve: a visit, an
/// evaluation or an appointment seat; `allowed` is where on the day it may lie.
struct DayWork {
    let day: Weekday
    let minutes: Int
    let allowed: [WeekInterval]
    let area: String?
    let variable: Variable
}

/// A person in one role of an appointment on one day.
struct AppointmentSeat {
    let role: Int
    let staff: StaffID
    let day: Weekday
    let variable: Variable
}

/// A model name from care terms: `work[s01,linde,mon,ochtend]`; brackets inside become `_`, and
/// the model makes the rest usable (`Model.usableName`).
func modelName(_ family: String, _ parts: CustomStringConvertible...) -> String {
    let inner = parts.map { part -> String in
        if let session = part as? GroupSession { return "\(session.location),\(session.slot.day),\(session.slot.name)" }
        if let id = part as? GroupSessionID { return "\(id.location),\(id.slot.day),\(id.slot.name)" }
        return part.description
    }.joined(separator: ",")
    return "\(family)[\(inner.replacingOccurrences(of: "[", with: "_").replacingOccurrences(of: "]", with: "_"))]"
}
