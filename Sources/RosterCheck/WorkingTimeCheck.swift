import CareDomain

/// Each person's week: one place at a time, travel, hours, shift length, rest (Arbeidstijdenwet).
struct WorkingTimeCheck {
    let scenario: Scenario
    /// Lone duties as this checker reads them ("location|session|weekday"): a session with
    /// `min_staff` at most 1, the ratio of every client who may come asking at most one
    /// professional, and no other session at its location then. Nobody relieves the person, so
    /// a shift of lone duties only takes no break out of its time.
    let lone: Set<String>

    init(scenario: Scenario, lone: Set<String>? = nil) {
        self.scenario = scenario
        self.lone = lone ?? Self.loneSessions(in: scenario)
    }

    static func loneSessions(in scenario: Scenario) -> Set<String> {
        var found: Set<String> = []
        guard scenario.labourRules.loneDutyBreaksAreWorkingTime else { return found }
        for location in scenario.locations.values {
            let clients = scenario.clients.values.filter { $0.location == location.id }
            for template in location.sessions where template.kind != .onCall {
                for day in template.window.days {
                    let slot = SessionSlot(day: day, name: template.name)
                    let coming = clients.filter { $0.attends.contains(slot) || ($0.attendsAny?.options.contains(slot) ?? false) }
                    let load = coming.reduce(0.0) { $0 + 1 / Double(max(1, template.ratio ?? scenario.products[$1.product]?.ratio ?? 1)) }
                    guard template.minStaff <= 1, load <= 1.000000001 else { continue }
                    let interval = template.window.interval(on: day)
                    let overlapped = location.sessions.contains { other in
                        other.kind != .onCall && other.window.days.contains { otherDay in
                            !(other.name == template.name && otherDay == day) && other.window.interval(on: otherDay).overlaps(interval)
                        }
                    }
                    if !overlapped { found.insert("\(location.id)|\(template.name)|\(day.rawValue)") }
                }
            }
        }
        return found
    }

    /// The intervals of `rows` that are lone duties.
    private func loneIntervals(_ rows: [RosterAssignment]) -> Set<WeekInterval> {
        guard !lone.isEmpty else { return [] }
        return Set(rows.filter { row in
            guard row.activity == .group, let location = row.location else { return false }
            let day = ((row.interval.start / 1440) % 7 + 7) % 7
            return lone.contains("\(location)|\(row.ref)|\(day)")
        }.map(\.interval))
    }

    func check(_ roster: Roster) -> [Violation] {
        var violations: [Violation] = []
        let rules = scenario.labourRules
        let coordination = roster.responsibilities.reduce(into: [StaffID: Int]()) { $0[$1.staff, default: 0] += $1.coordinationMinutes }
        var people = Set(roster.assignments.map(\.staff))
        people.formUnion(coordination.keys)
        for (staffID, rows) in people.sorted().map({ id in (key: id, value: roster.assignments.filter { $0.staff == id }) }) {
            guard let person = scenario.staff[staffID] else { continue }
            // On-call duty (SCENARIO.md 1.1: the person stays free unless called) only keeps the
            // person from other work at the time; every other rule sees the rest.
            let onCall = rows.filter { scenario.dutyKind(of: $0) == .onCall }
            let work = rows.filter { scenario.dutyKind(of: $0) != .onCall }.sorted { $0.interval.start < $1.interval.start }
            for duty in onCall {
                if let clash = rows.first(where: { $0 != duty && $0.interval.overlaps(duty.interval) }) {
                    violations.append(Violation(rule: "double booking", message: "\(staffID) is on call (\(duty.ref)) and works \(clash.ref) at once (\(duty.interval.label(in: scenario.week)))"))
                }
                if let earlier = scenario.history.priorWork[staffID]?.first(where: { $0.overlaps(duty.interval) }) {
                    violations.append(Violation(rule: "double booking", message: "\(staffID) still works until \(earlier.label(in: scenario.week)) (history) at \(duty.interval.label(in: scenario.week))"))
                }
            }
            violations += onCallLimits(staffID, duties: onCall.map(\.interval),
                                       nights: work.filter { !(scenario.isSleepShift(at: $0.location, named: $0.ref)) }.map(\.interval)
                                           + (scenario.history.priorWork[staffID] ?? []))
            // One place at a time, and travel between areas.
            for (index, earlier) in work.enumerated() {
                for later in work[(index + 1)...] {
                    if later.interval.start < earlier.interval.end {
                        violations.append(Violation(rule: "double booking", message: "\(staffID) works \(earlier.ref) and \(later.ref) at once (\(later.interval.label(in: scenario.week)))"))
                        continue
                    }
                    let travel = travelMinutes(earlier, later)
                    if later.interval.start - earlier.interval.end < travel {
                        violations.append(Violation(rule: "travel", message: "\(staffID) has \(later.interval.start - earlier.interval.end) min between \(earlier.location?.rawValue ?? "?") and \(later.location?.rawValue ?? "?"), travel takes \(travel) (\(later.interval.label(in: scenario.week)))"))
                    }
                }
            }
            violations += homeTravel(person, work)
            violations += ProtectionCheck(scenario: scenario).check(person, rows: rows)
            // Hours: working time (breaks out, sleeping shifts with their factor), with the
            // coordination time of the clients the person is responsible for.
            let sleepingRows = Set(work.filter { $0.activity == .group && scenario.isSleepShift(at: $0.location, named: $0.ref) }.map(\.interval))
            let lonely = loneIntervals(work)
            // CAO GHZ 7:18: a sleeping duty whose session expects more work than the limit is working time as a whole.
            let inFull = Set(work.filter { row in
                guard let limit = scenario.labourRules.sleepingDuties.workMinutesLimit, row.activity == .group, let location = row.location,
                      let template = scenario.locations[location]?.sessions.first(where: { $0.name == row.ref }), template.kind == .sleep else { return false }
                return (template.sleepWorkMinutes ?? 0) > limit
            }.map(\.interval))
            let hours = Double(workingMinutes(work.map(\.interval), sleeping: sleepingRows, lonely: lonely, inFull: inFull) + (coordination[staffID] ?? 0)) / 60
            if hours > person.maxHours + 1e-6 {
                violations.append(Violation(rule: "max hours", message: "\(staffID) works \(formatted(hours)) h, max_hours is \(formatted(person.maxHours))"))
            }
            // The Act's limits count every hour of a sleeping shift (SCENARIO.md 1.2).
            let actMinutes = workingMinutes(work.map(\.interval), sleeping: sleepingRows, sleepFactor: 1, lonely: lonely) + (coordination[staffID] ?? 0)
            if actMinutes > rules.maxWeekMinutes {
                violations.append(Violation(rule: "week hours", message: "\(staffID) works \(formatted(Double(actMinutes) / 60)) h of working time (sleeping shifts in full), the week limit is \(formatted(Double(rules.maxWeekMinutes) / 60)) (max_week_hours)"))
            }
            violations += averages(staffID, actMinutes: actMinutes, work: work.filter { !sleepingRows.contains($0.interval) }.map(\.interval))
            // Split shifts (SCENARIO.md 1.1): group sessions an hour or more apart within one shift.
            if !(person.splitShifts ?? rules.splitShifts) {
                let pieces = ((scenario.history.priorWork[staffID] ?? []) + work.filter { $0.activity == .group }.map(\.interval)).sorted()
                let mine = Set(work.filter { $0.activity == .group }.map(\.interval))
                for (earlier, later) in zip(pieces, pieces.dropFirst()) where mine.contains(earlier) || mine.contains(later) {
                    let gap = later.start - earlier.end
                    if gap >= 60, gap < min(rules.reducedDailyRestMinutes, rules.minDailyRestMinutes) {
                        violations.append(Violation(rule: "split shift", message: "\(staffID) has a split shift (\(formatted(Double(gap) / 60)) h between \(earlier.label(in: scenario.week)) and \(later.label(in: scenario.week))) without split_shifts: true"))
                    }
                }
            }
            violations += restAndShifts(staffID, work.map(\.interval),
                                        sleeping: Set(work.filter { $0.activity == .group && scenario.isSleepShift(at: $0.location, named: $0.ref) }.map(\.interval)),
                                        lonely: lonely)
        }
        return violations
    }

    /// Shift length, the daily rest and its one shortening a week, rest after nights and after a
    /// series of nights, shifts in a row with a night, night and Sunday counts and the weekly
    /// rest, over the history's work and the week's together; what the history alone did is not
    /// reported.
    private func restAndShifts(_ staffID: StaffID, _ week: [WeekInterval], sleeping: Set<WeekInterval>, lonely: Set<WeekInterval> = []) -> [Violation] {
        var violations: [Violation] = []
        let rules = scenario.labourRules
        let history = scenario.history
        let earlier = (history.priorWork[staffID] ?? []).filter { $0.end > -15 * 1440 }
        let pieceGap = min(rules.reducedDailyRestMinutes, rules.minDailyRestMinutes)
        struct Shift { var start: Int; var end: Int; var night: Int; var mine: Bool; var sleep = false; var pieces: [WeekInterval] = []
            var span: WeekInterval { WeekInterval(start: start, end: end) }
            var isNight: Bool { night > LabourRules.nightShiftThresholdMinutes }
            var endsAfterTwo: Bool { let ofDay = ((end % 1440) + 1440) % 1440; return ofDay > LabourRules.lateNightEndMinute || ofDay == 0 }
        }
        for piece in earlier where piece.end > 0 {
            if let clash = week.first(where: { $0.overlaps(piece) }) {
                violations.append(Violation(rule: "double booking", message: "\(staffID) still works until \(piece.label(in: scenario.week)) (history) at \(clash.label(in: scenario.week))"))
            }
        }
        var shifts: [Shift] = []
        for (interval, mine) in (earlier.map { ($0, false) } + week.map { ($0, true) }).sorted(by: { $0.0 < $1.0 }) {
            // A sleeping shift (kind: sleep) is no night work.
            let asleep = mine && sleeping.contains(interval)
            let night = asleep ? 0 : interval.minutesBetweenMidnightAndSix
            if let last = shifts.last, interval.start - last.end < pieceGap {
                shifts[shifts.count - 1] = Shift(start: last.start, end: max(last.end, interval.end), night: last.night + night, mine: last.mine || mine,
                                                 sleep: last.sleep || asleep, pieces: last.pieces + [interval])
            } else {
                shifts.append(Shift(start: interval.start, end: interval.end, night: night, mine: mine, sleep: asleep, pieces: [interval]))
            }
        }
        let label = { (shift: Shift) in shift.span.label(in: self.scenario.week) }
        var shortened: [(begins: Int, length: Int, mine: Bool, before: Shift)] = []
        /// When each rest after a late night that the Act's allowance shortened began.
        var nightShortenings: [Int] = []
        for (index, shift) in shifts.enumerated() {
            // ATW 5:8's allowance (`long_night_shifts`) lets a night reach its length; counted below.
            let nightLimit = max(rules.maxNightShiftMinutes, rules.longNights?.maxMinutes ?? 0)
            let limit = shift.sleep ? 24 * 60 : shift.isNight ? nightLimit : rules.maxShiftMinutes
            // A sleeping duty by its span; other shifts by their working time (breaks out).
            let length = shift.sleep ? shift.end - shift.start : workingMinutes(shift.pieces, sleeping: [], lonely: lonely)
            if shift.mine, length > limit {
                violations.append(Violation(rule: shift.sleep ? "sleeping duty length" : shift.isNight ? "night shift length" : "shift length", message: "\(staffID) has a \(shift.isNight ? "night " : "")shift of \(formatted(Double(length) / 60)) h working time (\(label(shift))), the limit is \(formatted(Double(limit) / 60)) h"))
            }
            // Around the sleep, the awake work is a shift's and keeps its length.
            if shift.mine, shift.sleep {
                let awake = workingMinutes(shift.pieces, sleeping: sleeping, sleepFactor: 0, lonely: lonely)
                if awake > rules.maxShiftMinutes {
                    violations.append(Violation(rule: "shift length", message: "\(staffID) works \(formatted(Double(awake) / 60)) h awake around a sleeping shift (\(label(shift))), the limit is \(formatted(Double(rules.maxShiftMinutes) / 60)) h"))
                }
            }
            guard index + 1 < shifts.count else { continue }
            let next = shifts[index + 1]
            let rest = next.start - shift.end
            if shift.isNight, shift.endsAfterTwo, rest < rules.minRestAfterNightMinutes {
                // ATW 5:8's allowance (`shortened_rest_after_night_hours`): once in 7×24 h, not shorter.
                if let shortest = rules.shortenedRestAfterNightMinutes, rest >= shortest {
                    if next.mine, let earlier = nightShortenings.last(where: { shift.end - $0 < LabourRules.reducedRestPeriodMinutes }) {
                        violations.append(Violation(rule: "rest after night", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h after a night shift ending \(ClockTime.text(shift.end)) (\(label(shift))), a second shortened rest after a night within 7×24 h (the first began \(WeekInterval(start: earlier, end: earlier + 1).label(in: scenario.week))); at least \(formatted(Double(rules.minRestAfterNightMinutes) / 60)) h"))
                    }
                    nightShortenings.append(shift.end)
                } else if next.mine {
                    violations.append(Violation(rule: "rest after night", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h after a night shift ending \(ClockTime.text(shift.end)) (\(label(shift))); at least \(formatted(Double(rules.shortenedRestAfterNightMinutes ?? rules.minRestAfterNightMinutes) / 60)) h"))
                }
            }
            if shift.sleep, next.mine, rest < rules.minDailyRestMinutes {
                violations.append(Violation(rule: "rest after sleeping shift", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h after a duty with a sleeping shift (\(label(shift))); at least \(formatted(Double(rules.minDailyRestMinutes) / 60)) h"))
            }
            if rest < rules.minDailyRestMinutes { shortened.append((shift.end, rest, next.mine, next)) }
        }
        // ATW 5:8: nights longer than max_night_shift_hours, under the allowance: 12 h rest after
        // each, at most 5 in any 14×24 h (the history's included) and 22 in 52 weeks.
        if let allowance = rules.longNights {
            let long = shifts.enumerated().filter { _, shift in
                !shift.sleep && shift.isNight && workingMinutes(shift.pieces, sleeping: [], lonely: lonely) > rules.maxNightShiftMinutes
            }
            for (index, shift) in long {
                if index + 1 < shifts.count, shifts[index + 1].mine, shifts[index + 1].start - shift.end < allowance.restAfterMinutes {
                    violations.append(Violation(rule: "rest after long night", message: "\(staffID) rests \(formatted(Double(shifts[index + 1].start - shift.end) / 60)) h after a night shift of more than \(formatted(Double(rules.maxNightShiftMinutes) / 60)) h (\(label(shift))); at least \(formatted(Double(allowance.restAfterMinutes) / 60)) h (ATW 5:8)"))
                }
                let inWindow = long.filter { $0.element.start <= shift.start && shift.start - $0.element.start < 14 * 1440 }.count
                if shift.mine, inWindow > allowance.per14Days {
                    violations.append(Violation(rule: "long night shifts", message: "\(staffID) works \(inWindow) night shifts of more than \(formatted(Double(rules.maxNightShiftMinutes) / 60)) h in 14×24 h up to \(label(shift)); at most \(allowance.per14Days) (long_night_shifts.per_14_days, ATW 5:8)"))
                }
            }
            let own = long.filter { $0.element.mine && $0.element.start >= 0 }.count
            let before = history.longNightShifts52Weeks[staffID] ?? 0
            if own > 0, own + before > allowance.per52Weeks {
                violations.append(Violation(rule: "long night shifts", message: "\(staffID) works \(own) night shifts of more than \(formatted(Double(rules.maxNightShiftMinutes) / 60)) h after \(before) in the 52 weeks before; at most \(allowance.per52Weeks) (long_night_shifts.per_52_weeks, ATW 5:8)"))
            }
        }
        // Arbeidstijdenbesluit 4.8:1: duties with a sleeping shift, counted over weeks and 7×24 h
        // with the history's, and the rest before each.
        let duties = sleeping.map(\.start).sorted()
        if !duties.isEmpty {
            let limits = rules.sleepingDuties
            for (index, shift) in shifts.enumerated() where shift.sleep && shift.mine && index > 0 {
                let rest = shift.start - shifts[index - 1].end
                if rest < limits.restBeforeMinutes {
                    violations.append(Violation(rule: "rest before sleeping duty", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h before a duty with a sleeping shift (\(label(shift))); at least \(formatted(Double(limits.restBeforeMinutes) / 60)) h (Arbeidstijdenbesluit 4.8:1)"))
                }
            }
            let weeksBefore = history.sleepingDutyWeeks[staffID] ?? []
            for (limit, weeks, field) in [(limits.max4Weeks, 4, "max_4_weeks"), (limits.max13Weeks, 13, "max_13_weeks"), (limits.max26Weeks, 26, "max_26_weeks")] {
                guard let limit else { continue }
                let counted = duties.count + weeksBefore.suffix(weeks - 1).reduce(0, +)
                if counted > limit {
                    violations.append(Violation(rule: "sleeping duties", message: "\(staffID) has \(counted) duties with a sleeping shift in \(weeks) weeks (this week's \(duties.count)); at most \(limit) (sleeping_duties.\(field))"))
                }
            }
            if let limit = limits.max7Days {
                let all = ((history.priorSleepDuties[staffID] ?? []) + duties).sorted()
                if let last = duties.first(where: { start in all.filter { start - $0 >= 0 && start - $0 < 7 * 1440 }.count > limit }) {
                    violations.append(Violation(rule: "sleeping duties", message: "\(staffID) has more than \(limit) duties with a sleeping shift in the 7×24 h up to \(WeekInterval(start: last, end: last + 1).label(in: scenario.week)) (sleeping_duties.max_7_days)"))
                }
            }
        }
        // ATW 5:3: the daily rest may be shortened once in every 7×24 h; a collective agreement
        // may allow more (`daily_rest_reductions`): a rest shorter than some allowed length
        // spends a shortening of that length or a shorter one.
        let allowed = ([(rules.reducedDailyRestMinutes, 1)] + rules.furtherRestReductions.map { ($0.minutes, $0.times) })
            .filter { $0.0 < rules.minDailyRestMinutes }.sorted { $0.0 < $1.0 }
        for (position, rest) in shortened.enumerated() where rest.mine {
            let recent = shortened[...position].filter { rest.begins - $0.begins < 7 * 1440 }
            for (index, tier) in allowed.enumerated() {
                let threshold = index + 1 < allowed.count ? allowed[index + 1].0 : rules.minDailyRestMinutes
                let spent = recent.filter { $0.length < threshold }.count
                let times = allowed[...index].reduce(0) { $0 + $1.1 }
                guard rest.length < threshold, spent > times else { continue }
                violations.append(Violation(rule: "daily rest", message: "\(staffID) rests \(formatted(Double(rest.length) / 60)) h before \(label(rest.before)), shortened rest number \(spent) below \(formatted(Double(threshold) / 60)) h within 7×24 h; \(times) allowed (shortest \(formatted(Double(tier.0) / 60)) h)"))
                break
            }
        }
        // ATW 5:8: after three or more night shifts in a row, the series rest before any
        // other shift. "In a row": the next night starts less than 24 h after the last ended (no
        // day between), or, with `night_series: within-rest`, anywhere within the series rest.
        let link = rules.nightSeries == .consecutive ? min(24 * 60, rules.restAfterNightSeriesMinutes) : rules.restAfterNightSeriesMinutes
        var series: [Shift] = []
        for shift in shifts {
            let rest = series.last.map { shift.start - $0.end }
            if let rest, rest < rules.restAfterNightSeriesMinutes {
                if shift.isNight && rest < link { series.append(shift); continue }
                if series.count >= 3, shift.mine {
                    violations.append(Violation(rule: "rest after night series", message: "\(staffID) rests \(formatted(Double(rest) / 60)) h after \(series.count) night shifts in a row (the last \(label(series.last!))); at least \(formatted(Double(rules.restAfterNightSeriesMinutes) / 60)) h"))
                }
            }
            series = shift.isNight ? [shift] : []
        }
        // ATW 5:8: shifts in a row (rests under 24 h) with a night among them.
        var run: [Shift] = []
        for shift in shifts {
            if let last = run.last, shift.start - last.end < 24 * 60 { run.append(shift) } else { run = [shift] }
            let limit = rules.maxConsecutiveShiftsWithNight
            if run.count > limit, shift.mine, run.suffix(limit + 1).contains(where: \.isNight) {
                violations.append(Violation(rule: "shifts in a row with a night", message: "\(staffID) works \(run.count) shifts in a row with a night among them, up to \(label(shift)); at most \(limit)"))
            }
        }
        // Night shifts in 16 weeks and free Sundays in 52, the history's counts included.
        let nights = shifts.filter { $0.mine && $0.start >= 0 && $0.isNight && $0.endsAfterTwo }.count
        if nights > 0, nights + (history.nightShifts16Weeks[staffID] ?? 0) > rules.maxNightShifts16Weeks {
            violations.append(Violation(rule: "night shifts in 16 weeks", message: "\(staffID) works \(nights) night shifts after \(history.nightShifts16Weeks[staffID] ?? 0) in the 16 weeks before; at most \(rules.maxNightShifts16Weeks)"))
        }
        if let free = rules.minFreeWeekends52Weeks, (history.weekendsWorked52Weeks[staffID] ?? 0) >= 52 - free,
           week.contains(where: { $0.overlaps(WeekInterval(start: 5 * 1440, end: 7 * 1440)) }) {
            violations.append(Violation(rule: "free weekends", message: "\(staffID) works this weekend after \(history.weekendsWorked52Weeks[staffID] ?? 0) weekends in the 52 weeks before; \(free) in 52 weeks stay free (min_free_weekends_52_weeks)"))
        }
        if (history.sundaysWorked52Weeks[staffID] ?? 0) >= 39, week.contains(where: { $0.overlaps(WeekInterval(start: 6 * 1440, end: 7 * 1440)) }) {
            violations.append(Violation(rule: "free Sundays", message: "\(staffID) works on Sunday after \(history.sundaysWorked52Weeks[staffID] ?? 0) Sundays in the 52 weeks before; 13 in 52 weeks stay free"))
        }
        // Shift patterns (SCENARIO.md 1.1): a day with any work on it is a working day.
        func days(_ interval: WeekInterval) -> [Int] {
            Array(Int((Double(interval.start) / 1440).rounded(.down))...Int((Double(interval.end - 1) / 1440).rounded(.down)))
        }
        let mine = Set(week.flatMap(days))
        let worked = mine.union(earlier.flatMap(days))
        if let limit = rules.maxConsecutiveWorkingDays {
            for day in mine.sorted() where !mine.contains(day - 1) || day == mine.min() {
                var first = day, last = day
                while worked.contains(first - 1) { first -= 1 }
                while worked.contains(last + 1) { last += 1 }
                if last - first + 1 > limit {
                    violations.append(Violation(rule: "working days in a row", message: "\(staffID) works \(last - first + 1) days in a row (days \(first)…\(last) of the week); at most \(limit)"))
                    break
                }
            }
        }
        if let least = rules.minConsecutiveDaysOff, least > 1 {
            let sorted = worked.sorted()
            for (before, after) in zip(sorted, sorted.dropFirst()) where after - before > 1 && after - before - 1 < least && after >= 0 {
                violations.append(Violation(rule: "days off", message: "\(staffID) has \(after - before - 1) day(s) off between day \(before) and day \(after) of the week; at least \(least) together"))
            }
        }
        if let limit = rules.maxWeekendsWorked, week.contains(where: { $0.overlaps(WeekInterval(start: 5 * 1440, end: 7 * 1440)) }) {
            let before = (history.weekendsWorked[staffID] ?? []).filter { $0 < 0 && $0 >= -3 }.count
            if before + 1 > limit {
                violations.append(Violation(rule: "weekends worked", message: "\(staffID) works this weekend after \(before) weekend(s) in the 3 weeks before; at most \(limit) in 4 weeks"))
            }
        }
        switch rules.weeklyRest {
        case .everySevenDays:
            // Weekly rest inside Monday 00:00 – Sunday 24:00 (a rest that began before Monday
            // counts from the end of the history's last work).
            var free = earlier.map(\.end).max() ?? 0
            var longest = 0
            for interval in week.sorted() {
                longest = max(longest, min(interval.start, PlanningWeek.minutesPerWeek) - free)
                free = max(free, interval.end)
            }
            longest = max(longest, PlanningWeek.minutesPerWeek - free)
            if longest < rules.minWeeklyRestMinutes {
                violations.append(Violation(rule: "weekly rest", message: "\(staffID)'s longest rest this week is \(formatted(Double(longest) / 60)) h; at least \(formatted(Double(rules.minWeeklyRestMinutes) / 60)) h"))
            }
        case .seventyTwoPerFourteenDays:
            // ATW 5:5: 72 h in every two weeks in a row, this one and the one before (the
            // history's, free without it), in pieces of at least 32 h; a rest begun before the
            // pair counts from the end of the last work.
            let pairStart = -PlanningWeek.minutesPerWeek
            if !week.isEmpty {
                let all = (earlier + week).sorted()
                var restFrom = all.filter { $0.end <= pairStart }.map(\.end).max() ?? pairStart
                var pieces: [Int] = []
                for interval in all where interval.end > pairStart {
                    if interval.start > restFrom { pieces.append(interval.start - restFrom) }
                    restFrom = max(restFrom, interval.end)
                }
                pieces.append(PlanningWeek.minutesPerWeek - restFrom)
                let counted = pieces.filter { $0 >= 32 * 60 }.reduce(0, +)
                if counted < 72 * 60 {
                    violations.append(Violation(rule: "weekly rest", message: "\(staffID) rests \(formatted(Double(counted) / 60)) h in pieces of 32 h or more in the two weeks ending this Sunday; at least 72 h"))
                }
            }
        }
        // A collective agreement's rolling rest: every window of its length ending this week
        // holds an uninterrupted rest (a window the history alone broke is not reported).
        if let rolling = rules.rollingRest, !week.isEmpty {
            let everything = (earlier + week).sorted()
            func longestRest(in window: WeekInterval, of work: [WeekInterval]) -> Int {
                var from = window.start, longest = 0
                for interval in work where interval.end > window.start && interval.start < window.end {
                    longest = max(longest, interval.start - from)
                    from = max(from, interval.end)
                }
                return max(longest, window.end - from)
            }
            // Whether a window holds the rest changes only where a gap's part inside it passes
            // the rest's length: at a gap's start + rest − length and its end − rest. Trying the
            // window starts at and beside those points (and the first) tries every case.
            let (first, last) = (-rolling.periodMinutes + 1, PlanningWeek.minutesPerWeek - rolling.periodMinutes)
            var starts: Set<Int> = [first, last]
            var from = Int.min / 4
            for interval in everything {
                for point in [from + rolling.minutes - rolling.periodMinutes, interval.start - rolling.minutes] { starts.formUnion([point - 1, point, point + 1]) }
                from = max(from, interval.end)
            }
            starts.formUnion([from + rolling.minutes - rolling.periodMinutes - 1, from + rolling.minutes - rolling.periodMinutes])
            for start in starts.filter({ $0 >= first && $0 <= last }).sorted() {
                let window = WeekInterval(start: start, end: start + rolling.periodMinutes)
                if longestRest(in: window, of: everything) < rolling.minutes, longestRest(in: window, of: earlier.sorted()) >= rolling.minutes {
                    violations.append(Violation(rule: "rolling rest", message: "\(staffID) has no rest of \(formatted(Double(rolling.minutes) / 60)) h in the \(rolling.periodMinutes / 1440)×24 h \(window.label(in: scenario.week))"))
                    break
                }
            }
        }
        return violations
    }

    /// Working minutes of timed work, worked out apart from the planner: per shift (pieces less
    /// than the shortened daily rest apart), the awake minutes less the least break that makes
    /// every break rule hold, found by trying each minute (gaps of 15 minutes or more are
    /// pauses already); sleeping pieces count with `sleep_hours_factor`.
    private func workingMinutes(_ pieces: [WeekInterval], sleeping: Set<WeekInterval>, sleepFactor: Double? = nil, lonely: Set<WeekInterval> = [],
                                inFull: Set<WeekInterval> = []) -> Int {
        let rules = scenario.labourRules
        let pieceGap = min(rules.reducedDailyRestMinutes, rules.minDailyRestMinutes)
        var total = 0.0
        var group: [WeekInterval] = []
        func close() {
            guard !group.isEmpty else { return }
            let awake = group.filter { !sleeping.contains($0) }.reduce(0) { $0 + $1.minutes }
            // A sleeping duty with more work than the agreement's limit counts in full (CAO GHZ 7:18).
            let full = group.filter { sleeping.contains($0) && inFull.contains($0) }.reduce(0) { $0 + $1.minutes }
            let asleep = group.filter { sleeping.contains($0) }.reduce(0) { $0 + $1.minutes } - full
            let pauses = zip(group, group.dropFirst()).map { $1.start - $0.end }.filter { $0 >= 15 }.reduce(0, +)
            var deducted = 0
            // A shift of lone duties only: nobody relieves the person, the break is working time.
            let relieved = group.contains { !lonely.contains($0) }
            while relieved, deducted < awake, !rules.breaks.allSatisfy({ awake - deducted <= $0.afterMinutes || pauses + deducted >= $0.minutes }) {
                deducted += 1
            }
            total += Double(awake - deducted + full) + (Double(asleep) * (sleepFactor ?? rules.sleepHoursFactor)).rounded()
            group = []
        }
        for piece in pieces.sorted() {
            if let last = group.last, piece.start - last.end >= pieceGap { close() }
            group.append(piece)
        }
        close()
        return Int(total.rounded())
    }

    /// The averages over weeks (ATW 5:7: `max_average_week_hours`, 48 h over 16 weeks; 5:8: 40 h
    /// over 16 weeks for someone with 16 or more night shifts in them), this week's working time
    /// added to the weeks before it (`history.week_hours`, the roster file, the period's weeks).
    private func averages(_ staffID: StaffID, actMinutes: Int, work awake: [WeekInterval]) -> [Violation] {
        let rules = scenario.labourRules
        let earlier = scenario.history.weekMinutes[staffID] ?? []
        // Night work ending after 02:00, counted per piece here (the planner counts shifts).
        let nights = awake.filter { $0.minutesBetweenMidnightAndSix > 60 && { let m = (($0.end % 1440) + 1440) % 1440; return m > 120 || m == 0 }($0) }.count
        var found: [Violation] = []
        var limits = [(rules.maxAverageWeekMinutes, rules.averageWeeks, 0, "max_average_week_hours")]
        if let long = rules.longAverage { limits.append((long.minutes, long.weeks, 0, long.field)) }
        if let night = rules.nightWorkerAverage { limits.append((night.minutes, night.weeks, night.nightShifts ?? 0, night.field)) }
        for (average, weeks, nightsNeeded, field) in limits {
            if nightsNeeded > 0, (scenario.history.nightShifts16Weeks[staffID] ?? 0) + nights < nightsNeeded { continue }
            let window = Array(earlier.suffix(weeks - 1)) + [actMinutes]
            let total = window.reduce(0, +)
            if total > weeks * average {
                found.append(Violation(rule: "average week hours", message: "\(staffID) works \(formatted(Double(actMinutes) / 60)) h this week; with the \(window.count - 1) week(s) before it that makes \(formatted(Double(total) / 60)) h in \(weeks) weeks, more than \(formatted(Double(average) / 60)) h a week on average (\(field))"))
            }
        }
        return found
    }

    /// On-call duty (ATW 5:9, the preset's limits): none within `free_before_night_hours` before a
    /// night piece of work starts or `free_after_night_hours` after one ends; days with a duty
    /// (the date it starts, the history's included) within the limits in 28 days and in a row.
    private func onCallLimits(_ staffID: StaffID, duties: [WeekInterval], nights awake: [WeekInterval]) -> [Violation] {
        guard !duties.isEmpty else { return [] }
        let limits = scenario.labourRules.onCall
        var found: [Violation] = []
        for duty in duties {
            for night in awake where night.minutesBetweenMidnightAndSix > 60 {
                if duty.start < night.start, duty.end > night.start - limits.freeBeforeNightMinutes {
                    found.append(Violation(rule: "on call", message: "\(staffID) is on call \(duty.label(in: scenario.week)) within \(formatted(Double(limits.freeBeforeNightMinutes) / 60)) h before their night shift \(night.label(in: scenario.week))"))
                }
                if duty.end > night.end, duty.start < night.end + limits.freeAfterNightMinutes {
                    found.append(Violation(rule: "on call", message: "\(staffID) is on call \(duty.label(in: scenario.week)) within \(formatted(Double(limits.freeAfterNightMinutes) / 60)) h after their night shift \(night.label(in: scenario.week))"))
                }
            }
        }
        let mine = Set(duties.map { Int((Double($0.start) / 1440).rounded(.down)) })
        let days = mine.union(scenario.history.onCallDays[staffID] ?? [])
        for end in mine.sorted() {
            if let limit = limits.maxDaysIn28 {
                let count = days.filter { $0 > end - 28 && $0 <= end }.count
                if count > limit { found.append(Violation(rule: "on call", message: "\(staffID) is on call on \(count) days in the 28 ending \(scenario.week.date(atMinute: end * 1440)); at most \(limit) (on_call.max_days_28)")) }
            }
            if let limit = limits.maxDaysInARow {
                var run = 0
                while days.contains(end - run) { run += 1 }
                if run > limit { found.append(Violation(rule: "on call", message: "\(staffID) is on call \(run) days in a row up to \(scenario.week.date(atMinute: end * 1440)); at most \(limit) (on_call.max_days_in_a_row)")) }
            }
        }
        return found
    }

    private func travelMinutes(_ a: RosterAssignment, _ b: RosterAssignment) -> Int {
        guard let first = travelArea(of: a, in: scenario), let second = travelArea(of: b, in: scenario), first != second else { return 0 }
        return scenario.travel.minutes(from: first, to: second)
    }

    /// With `home_area` and `available` given, each stretch of availability starts and ends at
    /// home: its first activity leaves room to travel there, its last to travel back.
    private func homeTravel(_ person: Staff, _ work: [RosterAssignment]) -> [Violation] {
        guard let home = person.homeArea, let windows = person.available else { return [] }
        var violations: [Violation] = []
        let stretches = coveredStretches(windows)
        for stretch in stretches {
            let inside = work.filter { $0.interval.start >= stretch.start && $0.interval.end <= stretch.end }
            guard let first = inside.first, let last = inside.last else { continue }
            if let area = travelArea(of: first, in: scenario), area != home,
               first.interval.start - stretch.start < scenario.travel.minutes(from: home, to: area) {
                violations.append(Violation(rule: "travel from home", message: "\(person.id) cannot get from home (\(home)) to \(first.ref) by \(first.interval.label(in: scenario.week)) inside their available time"))
            }
            if let area = travelArea(of: last, in: scenario), area != home,
               stretch.end - last.interval.end < scenario.travel.minutes(from: area, to: home) {
                violations.append(Violation(rule: "travel home", message: "\(person.id) cannot get home (\(home)) from \(last.ref) (\(last.interval.label(in: scenario.week))) inside their available time"))
            }
        }
        return violations
    }
}
