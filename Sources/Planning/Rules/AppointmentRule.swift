import CareDomain
import Optimization

extension WeekModel {
    /// Appointments: held on one day of the window with every role filled by a distinct person
    /// who can be there that day, or not at all (a penalised shortfall). The common time of day
    /// is set after the solve (`AppointmentScheduler`); here each seat takes room in the
    /// person's day (`PersonDayCapacityRule`).
    func addAppointments() throws {
        let known = Set(staff.map(\.id))
        let grid = TimeGrid(step: scenario.timeStepMinutes)
        let calendars = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, StaffCalendar(staff: $0)) })
        for demand in appointments {
            let appointment = demand.appointment
            var held = LinearExpression()
            for (day, window) in demand.days {
                let dayHeld = try model.addVariable(modelName("held", appointment.id, day), kind: .binary)
                appointmentDays[appointment.id, default: []].append((day, dayHeld))
                held.add(dayHeld)
                var seatsByPerson: [StaffID: [Variable]] = [:]
                for (role, candidates) in demand.roleCandidates.enumerated() {
                    var filled = LinearExpression()
                    for candidate in candidates where known.contains(candidate) {
                        guard let calendar = calendars[candidate] else { continue }
                        let allowed = calendar.workableTime(on: day, week: scenario.week).intersected(with: [window])
                        guard grid.fits(appointment.minutes, in: allowed) else { continue }
                        let seat = try model.addVariable(modelName("seat", appointment.id, role, candidate, day), kind: .binary)
                        appointmentSeats[appointment.id, default: []].append(AppointmentSeat(role: role, staff: candidate, day: day, variable: seat))
                        filled.add(seat)
                        seatsByPerson[candidate, default: []].append(seat)
                        registerDayWork(DayWork(day: day, minutes: appointment.minutes, allowed: allowed, area: demand.area, variable: seat),
                                        for: candidate)
                        try excludeBlockingSessions(variable: seat, upperBound: 1,
                                                    option: TaskOption(staff: candidate, day: day, allowed: allowed),
                                                    minutes: appointment.minutes, area: demand.area, grid: grid)
                    }
                    try model.add(filled - dayHeld == 0, name: modelName("role_filled", appointment.id, role, day))
                }
                for (person, seats) in seatsByPerson.sorted(by: { $0.key < $1.key }) where seats.count > 1 {
                    try model.add(LinearExpression.sum(seats) <= 1, name: modelName("distinct_people", appointment.id, person, day))
                }
            }
            let missing = try model.addVariable(modelName("not_held", appointment.id), upperBound: 1)
            appointmentShortfall[appointment.id] = missing
            try model.add(held + missing == 1, name: modelName("hold", appointment.id))
            objective.add(missing, coefficient: weights.uncoveredCarePerHour * demand.hours)
        }
    }
}

/// The rule as a unit of the model's list (`PlanningRules.model`).
struct AppointmentRule: ModelRule {
    var label: String { "appointments with every role filled by a different person on one day" }
    func addRows(to week: WeekModel) throws { try week.addAppointments() }
}
