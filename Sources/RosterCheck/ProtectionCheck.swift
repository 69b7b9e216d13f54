import CareDomain

/// People the law protects (SCENARIO.md 1.2), read apart from the planner: a minor (under 18 on
/// the row's date, from `birth_date`) works no row between 23:00 and 06:00, no on-call duty, no
/// shift over 9 h, with 12 h between shifts and at most 45 h a week, 40 h on average over 4
/// weeks (ATW 5:2); nobody under 16 works; `no_night_work` means no row with more than an hour
/// between 00:00 and 06:00 that is work or sleep; the preset's older workers (CAO GHZ 6:10 from
/// 57: night shifts and sleeping nights; CAO VVT from 55: night shifts) likewise unless
/// `night_work_consent`.
struct ProtectionCheck {
    let scenario: Scenario

    func check(_ person: Staff, rows: [RosterAssignment]) -> [Violation] {
        guard person.birthDate != nil || person.noNightWork else { return [] }
        var found: [Violation] = []
        let week = scenario.week
        func years(at minute: Int) -> Int? {
            guard let born = person.birthDate else { return nil }
            let date = week.date(atMinute: minute)
            return date.year - born.year - ((date.month, date.day) < (born.month, born.day) ? 1 : 0)
        }
        let minorAnywhere = rows.contains { (years(at: $0.interval.start) ?? 18) < 18 || (years(at: $0.interval.end - 1) ?? 18) < 18 }
        for row in rows {
            let kind = scenario.dutyKind(of: row)
            let label = "\(person.id) at \(row.ref) (\(row.interval.label(in: week)))"
            let age = years(at: row.interval.start)
            if let age, age < 16 { found.append(Violation(rule: "protected", message: "\(label): \(age) years old, under 16")); continue }
            let minor = (age ?? 18) < 18 || (years(at: row.interval.end - 1) ?? 18) < 18
            if minor && kind == .onCall { found.append(Violation(rule: "protected", message: "\(label): on-call duty for someone under 18")) }
            if minor && touches23to6(row.interval) { found.append(Violation(rule: "protected", message: "\(label): work between 23:00 and 06:00 for someone under 18")) }
            let nightMinutes = row.interval.minutesBetweenMidnightAndSix
            guard kind != .onCall, nightMinutes > 60 else { continue }
            if person.noNightWork { found.append(Violation(rule: "protected", message: "\(label): night duty for someone with no_night_work")) }
            if !person.nightWorkConsent, let age {
                let ghz = scenario.labourRules.preset == .caoGehandicaptenzorg && age >= 57
                let vvt = scenario.labourRules.preset == .caoVVT && age >= 55 && kind == .work
                if ghz || vvt {
                    found.append(Violation(rule: "protected", message: "\(label): night duty for someone of \(age), exempt under the preset without night_work_consent"))
                }
            }
        }
        if minorAnywhere { found += minorLimits(person, rows: rows.filter { scenario.dutyKind(of: $0) != .onCall }) }
        return found
    }

    /// 23:00 to 06:00 of any day.
    private func touches23to6(_ interval: WeekInterval) -> Bool {
        var day = Int((Double(interval.start) / 1440).rounded(.down)) - 1
        while day * 1440 < interval.end {
            if interval.start < day * 1440 + 1440 + 360 && day * 1440 + 1380 < interval.end { return true }
            day += 1
        }
        return false
    }

    /// A minor's shifts (pieces less than 8 h apart are one shift), rests and week hours, with the
    /// history's work before them.
    private func minorLimits(_ person: Staff, rows: [RosterAssignment]) -> [Violation] {
        var found: [Violation] = []
        let own = rows.map(\.interval).sorted()
        let earlier = (scenario.history.priorWork[person.id] ?? []).sorted()
        var shifts: [(start: Int, end: Int, present: Int, mine: Bool)] = []
        for (piece, mine) in earlier.map({ ($0, false) }) + own.map({ ($0, true) }) {
            if let last = shifts.last, piece.start - last.end < 8 * 60 {
                shifts[shifts.count - 1] = (last.start, max(last.end, piece.end), last.present + piece.minutes, last.mine || mine)
            } else {
                shifts.append((piece.start, piece.end, piece.minutes, mine))
            }
        }
        for (index, shift) in shifts.enumerated() where shift.mine {
            // Presence less the longest break the rules ask: the most lenient reading of 9 h.
            let longest = scenario.labourRules.breaks.map(\.minutes).max() ?? 0
            if shift.present - longest > 9 * 60 {
                found.append(Violation(rule: "protected", message: "\(person.id) is under 18 and has a shift of \(formatted(Double(shift.present) / 60)) h present (\(WeekInterval(start: shift.start, end: shift.end).label(in: scenario.week))); at most 9 h"))
            }
            if index > 0, shift.start - shifts[index - 1].end < 12 * 60 {
                found.append(Violation(rule: "protected", message: "\(person.id) is under 18 and rests \(formatted(Double(shift.start - shifts[index - 1].end) / 60)) h before \(WeekInterval(start: shift.start, end: shift.end).label(in: scenario.week)); at least 12 h"))
            }
        }
        let present = own.reduce(0) { $0 + $1.minutes }
        let longest = scenario.labourRules.breaks.map(\.minutes).max() ?? 0
        let worked = max(0, present - longest * shifts.filter(\.mine).count)
        if worked > 45 * 60 {
            found.append(Violation(rule: "protected", message: "\(person.id) is under 18 and works at least \(formatted(Double(worked) / 60)) h this week; at most 45 h"))
        }
        let window = (scenario.history.weekMinutes[person.id] ?? []).suffix(3).reduce(0, +) + worked
        if window > 4 * 40 * 60 {
            found.append(Violation(rule: "protected", message: "\(person.id) is under 18 and works \(formatted(Double(window) / 60)) h in 4 weeks; at most 40 h a week on average"))
        }
        return found
    }
}
