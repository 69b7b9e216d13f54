/// A period of several weeks (`weeks`), planned week after week: each week is a scenario of its
/// own whose history is the plan's history followed by the rosters of the weeks before it, so
/// every rule that looks back (rest, nights in a row, night and Sunday counts, the 4-week
/// average) sees across the week boundaries.
public enum PlanningPeriod {
    /// Week `index` (0-based) of the period, after the rosters `earlier` of weeks 0..<index
    /// (each in minutes from its own Monday).
    public static func week(_ index: Int, of scenario: Scenario, after earlier: [Roster]) -> Scenario {
        guard index > 0 else {
            var first = scenario
            first.history.weeksLeftInPeriod = scenario.weeks
            return first
        }
        var week = scenario
        week.week = scenario.week.adding(weeks: index)
        week.weeks = 1
        let offset = index * PlanningWeek.minutesPerWeek
        var history = WorkHistory(nightShifts16Weeks: scenario.history.nightShifts16Weeks,
                                  sundaysWorked52Weeks: scenario.history.sundaysWorked52Weeks)
        history.weekendsWorked = scenario.history.weekendsWorked.mapValues { Set($0.map { $0 - index }) }
        history.weekendsWorked52Weeks = scenario.history.weekendsWorked52Weeks
        history.longNightShifts52Weeks = scenario.history.longNightShifts52Weeks
        history.sleepingDutyWeeks = scenario.history.sleepingDutyWeeks
        history.priorSleepDuties = scenario.history.priorSleepDuties.mapValues { $0.map { $0 - offset } }
        // Two-week rest periods (72h-per-14-days): this week with the one before it.
        history.restPeriodStart = -PlanningWeek.minutesPerWeek
        history.onCallDays = scenario.history.onCallDays.mapValues { Set($0.map { $0 - 7 * index }.filter { $0 >= -28 }) }
        for (number, roster) in earlier.enumerated() {
            for row in roster.assignments where scenario.dutyKind(of: row) == .onCall {
                let day = Int((Double(row.interval.start) / 1440).rounded(.down)) + 7 * (number - index)
                if day >= -28 { history.onCallDays[row.staff, default: []].insert(day) }
            }
        }
        for (staff, work) in scenario.history.priorWork {
            history.priorWork[staff] = work.map { WeekInterval(start: $0.start - offset, end: $0.end - offset) }
        }
        for (number, roster) in earlier.enumerated() {
            let shift = (number - index) * PlanningWeek.minutesPerWeek
            // On-call duty leaves the person free: later weeks' rules do not see it as work.
            let byStaff = Dictionary(grouping: roster.assignments.filter { scenario.dutyKind(of: $0) != .onCall }, by: \.staff)
            // Duties with a sleeping shift: a count per week, and when the recent ones began.
            for row in roster.assignments where scenario.dutyKind(of: row) == .sleep {
                history.priorSleepDuties[row.staff, default: []].append(row.interval.start + shift)
            }
            for (staff, rows) in byStaff {
                let work = rows.map { WeekInterval(start: $0.interval.start + shift, end: $0.interval.end + shift) }
                history.priorWork[staff, default: []] += work
                history.nightShifts16Weeks[staff, default: 0] += lateNightShifts(rows.map(\.interval), rules: scenario.labourRules)
                let long = longNightShifts(rows.map(scenario.workPiece), rules: scenario.labourRules)
                if long > 0 { history.longNightShifts52Weeks[staff, default: 0] += long }
                if rows.contains(where: { $0.interval.overlaps(PlanningWeek.sunday) }) { history.sundaysWorked52Weeks[staff, default: 0] += 1 }
                if rows.contains(where: { $0.interval.overlaps(PlanningWeek.weekend) }) {
                    history.weekendsWorked[staff, default: []].insert(number - index)
                    history.weekendsWorked52Weeks[staff, default: 0] += 1
                }
            }
        }
        for (staff, work) in history.priorWork {
            let recent = work.filter { $0.end > -PersonWeekLookBack.minutes }.sorted()
            history.priorWork[staff] = recent.isEmpty ? nil : recent
        }
        // Fairness over the period: each week's counts and fair shares, summed.
        // (The sessions and people are the same every week, so the first week's scenario serves.)
        for roster in earlier where !scenario.settings.fairness.isEmpty {
            RosterPreferences.addFairness(of: roster, in: scenario, to: &history.fairnessSoFar)
        }
        // The hours balance: what the plan's history carried, plus each earlier week's working
        // time less the contract hours it owed, so a short week is made up in the weeks left.
        history.hoursBalance = scenario.history.hoursBalance
        history.weeksLeftInPeriod = scenario.weeks - index
        for person in PayrollSummary.people(period: scenario, rosters: earlier) where person.contract == .salaried {
            history.hoursBalance[person.staff] = person.balanceAfter
        }
        for roster in earlier {
            let duties = Dictionary(grouping: roster.assignments.filter { scenario.dutyKind(of: $0) == .sleep }, by: \.staff).mapValues(\.count)
            for id in scenario.staff.keys where !(duties[id] == nil && history.sleepingDutyWeeks[id] == nil) {
                history.sleepingDutyWeeks[id, default: []].append(duties[id] ?? 0)
            }
        }
        for (staff, starts) in history.priorSleepDuties {
            let recent = starts.filter { $0 > -PersonWeekLookBack.minutes }.sorted()
            history.priorSleepDuties[staff] = recent.isEmpty ? nil : recent
        }
        // Counts that stayed zero say nothing.
        history.nightShifts16Weeks = history.nightShifts16Weeks.filter { $0.value > 0 }
        history.sundaysWorked52Weeks = history.sundaysWorked52Weeks.filter { $0.value > 0 }

        // The averages (ATW 5:7, 5:8) look back on the weeks before this one: the history's,
        // then the period's own, as the Act counts working time (sleep in full).
        history.weekMinutes = scenario.history.weekMinutes
        for roster in earlier {
            let minutes = scenario.workingMinutes(of: roster, forLimits: true)
            for id in scenario.staff.keys { history.weekMinutes[id, default: []].append(minutes[id] ?? 0) }
        }
        week.history = history
        // End responsibility stays with the professional of the first week; an evaluation held
        // in an earlier week is the client's last one.
        for (id, client) in week.clients {
            if client.responsible == nil, let first = earlier.first?.responsibilities.first(where: { $0.client == id }) {
                week.clients[id]?.responsible = first.staff
            }
            for (number, roster) in earlier.enumerated() {
                if let held = roster.assignments.filter({ $0.activity == .evaluation && $0.clients.contains(id) }).map(\.interval.start).min() {
                    week.clients[id]?.lastEvaluation = scenario.week.adding(weeks: number).date(atMinute: held)
                }
            }
            _ = client
        }
        return week
    }

    /// Night shifts of `pieces` longer than `max_night_shift_hours` (working time, breaks out),
    /// the Act's long nights (ATW 5:8).
    public static func longNightShifts(_ pieces: [WorkPiece], rules: LabourRules) -> Int {
        longNights(pieces, rules: rules).count
    }

    /// The shifts of `pieces` that are long nights (`longNightShifts`), in time order.
    public static func longNights(_ pieces: [WorkPiece], rules: LabourRules) -> [WorkingTime.Shift] {
        WorkingTime.shifts(pieces, rules: rules).filter { shift in
            shift.night > LabourRules.nightShiftThresholdMinutes && shift.work - shift.breakMinutes(rules) > rules.maxNightShiftMinutes
        }
    }

    /// Night shifts ending after 02:00 among a person's rows of one week (rows closer than the
    /// shortened daily rest are one shift).
    static func lateNightShifts(_ rows: [WeekInterval], rules: LabourRules) -> Int {
        var shifts: [(start: Int, end: Int, night: Int)] = []
        for interval in rows.sorted() {
            if let last = shifts.last, interval.start - last.end < rules.shiftBreakMinutes {
                shifts[shifts.count - 1] = (last.start, max(last.end, interval.end), last.night + interval.minutesBetweenMidnightAndSix)
            } else {
                shifts.append((interval.start, interval.end, interval.minutesBetweenMidnightAndSix))
            }
        }
        return shifts.filter { $0.night > LabourRules.nightShiftThresholdMinutes && LabourRules.endsLate($0.end) }.count
    }
}
