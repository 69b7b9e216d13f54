import CareDomain
import Optimization

extension WeekModel {
    /// Visits and evaluations, placed by person and day: each of a client's visits goes to one
    /// qualified person on a day both can make (at most `max_per_day` a day), an evaluation to
    /// the client's responsible professional; what is not placed is a penalised shortfall.
    /// The time of day is set after the solve (`DaySequencer`); here a person's day only has to
    /// have room for it (`PersonDayCapacityRule`).
    func addClientTasks() throws {
        let grid = TimeGrid(step: scenario.timeStepMinutes)
        for task in tasks {
            var placed = LinearExpression()
            var byDay: [Weekday: [Variable]] = [:]
            var chosen: [(option: TaskOption, variable: Variable)] = []
            let perDay = min(task.maxPerDay, task.count)
            for option in task.options {
                let responsibleChoice = responsible[task.client]?.first { $0.staff == option.staff }?.variable
                if task.kind == .evaluation, responsibleChoice == nil { continue }
                let variable = try model.addVariable(modelName(task.kind == .visit ? "visit" : "evaluate", task.client, option.staff, option.day),
                                                     kind: perDay > 1 ? .integer : .binary, upperBound: Double(perDay))
                chosen.append((option, variable))
                placed.add(variable)
                if task.overdue { objective.add(variable, coefficient: weights.overdueEvaluationPerDay * Double(option.day.rawValue)) }
                byDay[option.day, default: []].append(variable)
                if task.kind == .evaluation, let responsibleChoice {
                    try model.add(variable - responsibleChoice <= 0, name: modelName("evaluation_by_responsible", task.client, option.staff))
                }
                registerDayWork(DayWork(day: option.day, minutes: task.minutes, allowed: option.allowed, area: task.area, variable: variable),
                                for: option.staff)
                try excludeBlockingSessions(variable: variable, upperBound: perDay, option: option, minutes: task.minutes,
                                            area: task.area, grid: grid)
            }
            taskAssignments.append(chosen)
            let missing = try model.addVariable(modelName("unplaced", task.id), upperBound: Double(task.count))
            taskShortfall.append(missing)
            try model.add(placed + missing == Double(task.count), name: modelName("place", task.id))
            objective.add(missing, coefficient: weights.uncoveredCarePerHour * task.hours)
            for (day, variables) in byDay.sorted(by: { $0.key < $1.key }) where variables.count > 1 && task.count > task.maxPerDay {
                try model.add(LinearExpression.sum(variables) <= Double(task.maxPerDay), name: modelName("per_day", task.id, day))
            }
        }
    }

    /// A session that leaves no room for the work that day (travel included) cannot be worked with it.
    func excludeBlockingSessions(variable: Variable, upperBound: Int, option: TaskOption, minutes: Int, area: String?, grid: TimeGrid) throws {
        for session in sessionsByStaff[option.staff] ?? [] {
            let interval = session.demand.session.interval
            let travel = area.map { scenario.travel.minutes(from: scenario.locations[session.demand.session.location]?.travelArea ?? "", to: $0) } ?? 0
            let blocked = WeekInterval(start: interval.start - travel, end: interval.end + travel)
            guard option.allowed.contains(where: { $0.overlaps(blocked) }) else { continue }
            let left = option.allowed.subtracting(blocked)
            if grid.fits(minutes, in: left) { continue }
            try model.add(variable + Double(upperBound) * session.variable <= Double(upperBound),
                          name: modelName("no_room", option.staff, session.demand.session, variable.index))
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct ClientTaskRule: ModelRule {
    var label: String { "visits and due evaluations by qualified people on days both can make" }
    func addRows(to week: WeekModel) throws { try week.addClientTasks() }
}
