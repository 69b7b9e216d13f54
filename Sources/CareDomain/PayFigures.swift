/// The money of a roster as finance has it (SCENARIO.md 1.2): the payroll of salaried contract
/// hours, the extra spend a roster adds (flex, agency, overtime, allowances), and each person's
/// hours against contract with the balance carried.
///
/// Computed from the roster and the scenario alone, so the planner, the report and the checker
/// read one set of figures.
public enum PayFigures {
    /// Employer charges on a wage where a person has no `hourly_wage`: the allowance's base is
    /// then `hourly_cost` ÷ this (about 35% charges: holiday pay, pension, social insurance).
    public static let chargesFactor = 1.35
}

extension Scenario {
    /// The gross hourly wage the allowance is a percentage of: `hourly_wage`, else the person's
    /// `hourly_cost` (or their level's) less employer charges.
    public func allowanceWage(of person: Staff) -> Double {
        person.hourlyWage ?? (person.hourlyCost ?? hourlyCost(of: person.level)) / PayFigures.chargesFactor
    }

    /// Whether a person earns the irregular-hours allowance: paid staff of the provider with
    /// `irregular_allowance` (an agency's invoice rate includes whatever it pays its people).
    public func earnsAllowance(_ person: Staff) -> Bool {
        person.irregularAllowance && !person.isVolunteer && !person.isHire && person.contract != .agency
            && !pay.allowances.bands.isEmpty
    }

    /// Hours of `interval` (minutes from this week's Monday) inside allowance bands, and the same
    /// hours weighed by their percent (÷ 100): the allowance is the second times the wage.
    public func allowanceHours(of interval: WeekInterval) -> (hours: Double, weighted: Double) {
        let bands = pay.allowances.bands
        guard !bands.isEmpty, interval.end > interval.start else { return (0, 0) }
        var minutes = 0, weighted = 0.0
        var minute = interval.start
        while minute < interval.end {
            let dayIndex = Int((Double(minute) / 1440).rounded(.down))
            let dayStart = dayIndex * 1440
            let date = week.monday.adding(days: dayIndex)
            let dayEnd = min(interval.end, dayStart + 1440)
            // The points where the percent can change within this day's piece.
            var cuts = Set([minute - dayStart, dayEnd - dayStart])
            for band in bands {
                for edge in [band.from, band.to] where edge > minute - dayStart && edge < dayEnd - dayStart { cuts.insert(edge) }
            }
            let ordered = cuts.sorted()
            for (from, to) in zip(ordered, ordered.dropFirst()) {
                let percent = pay.allowances.percent(on: date, minuteOfDay: from, holidays: holidays)
                guard percent > 0 else { continue }
                minutes += to - from
                weighted += Double(to - from) * percent / 100
            }
            minute = dayEnd
        }
        return (Double(minutes) / 60, weighted / 60)
    }

    /// The allowance a row earns its person: its band hours (working time: a group session's
    /// break taken out pro rata; sleeping hours and on-call duty earn none, CAO GHZ 7:20) and
    /// their euros at the person's wage.
    public func allowance(of row: RosterAssignment) -> (hours: Double, euros: Double) {
        guard let person = staff[row.staff], earnsAllowance(person) else { return (0, 0) }
        if row.activity == .group, let location = row.location, let kind = locations[location]?.sessions.first(where: { $0.name == row.ref })?.kind,
           kind != .work { return (0, 0) }
        let band = allowanceHours(of: row.interval)
        guard band.hours > 0 else { return (0, 0) }
        let share = row.activity == .group && row.interval.minutes > 0
            ? Double(WorkingTime.minutes(alone: workPiece(row), rules: labourRules)) / Double(row.interval.minutes) : 1
        return (band.hours * share, band.weighted * share * allowanceWage(of: person))
    }

    /// The hours a salaried person owes this week: contract hours less their absent days (leave
    /// and sickness are paid and count as worked), as `unused_contract_hours` counts them.
    public func owedHours(of person: Staff) -> Double {
        guard person.isSalaried else { return 0 }
        let absentDays = Weekday.allCases.filter { person.absent.contains(week.date(of: $0)) }.count
        return person.contractHours * Double(7 - absentDays) / 7
    }

    /// A salaried person's hours target for this week: contract hours (less absent days, as
    /// `unused_contract_hours` counts them), less the carried balance spread over the weeks left
    /// in the period, never below 0.
    public func weekTarget(of person: Staff) -> Double {
        let contract = person.contract == .flex ? person.minHours : owedHours(of: person)
        let balance = person.isSalaried ? (history.hoursBalance[person.id] ?? 0) : 0
        return max(0, contract - balance / Double(max(1, history.weeksLeftInPeriod)))
    }
}

/// One person's hours and money over a plan (a line of `hours.csv`).
public struct PersonHours: Sendable, Hashable {
    public let staff: StaffID
    public let contract: ContractKind
    /// Contract hours owed over the plan's weeks (salaried, absent days credited; 0 for the others).
    public let contractHours: Double
    public let balanceBefore: Double
    /// Working time rostered (breaks out, sleeping shifts with their factor, coordination in).
    public let rosteredHours: Double
    /// Salaried: before + rostered − contract; others carry none.
    public var balanceAfter: Double { contract == .salaried ? balanceBefore + rosteredHours - contractHours : 0 }
    public let allowanceHours: Double
    public let allowanceCost: Double
    /// What this person adds to the wage bill beyond salaried contract pay: flex or agency hours,
    /// hours above contract with the overtime premium, and allowances.
    public let extraCost: Double
    /// The parts of `extraCost`.
    public let flexCost: Double
    public let agencyCost: Double
    public let overtimeCost: Double
    /// Salaried contract hours × hourly_cost over the plan (absent days are paid too).
    public let payroll: Double
    /// Salaried hours within contract × (1 ± band), balance included.
    public let withinBand: Bool
}

/// The plan's money: payroll, extra spend by kind, and what finance adds up.
public struct PayrollSummary: Sendable, Hashable {
    public var payroll = 0.0
    public var flex = 0.0
    public var agency = 0.0
    public var overtime = 0.0
    public var allowances = 0.0
    public var contractHours = 0.0
    public var rosteredHours = 0.0
    public var idleContractHours = 0.0
    public var extraSpend: Double { flex + agency + overtime + allowances }

    public init() {}

    /// The plan's figures from its people, over `weeks` rosters of `scenario` (one per week, in
    /// minutes from that week's own Monday): each person's hours against contract × weeks.
    public static func people(_ weeks: [(roster: Roster, scenario: Scenario)]) -> [PersonHours] {
        guard let first = weeks.first?.scenario else { return [] }
        var worked: [StaffID: Double] = [:], bandHours: [StaffID: Double] = [:], bandEuros: [StaffID: Double] = [:]
        var owed: [StaffID: Double] = [:]
        for (roster, scenario) in weeks {
            for person in scenario.staff.values where person.isSalaried { owed[person.id, default: 0] += scenario.owedHours(of: person) }
            for (id, minutes) in scenario.workingMinutes(of: roster) { worked[id, default: 0] += Double(minutes) / 60 }
            for row in roster.assignments {
                let allowance = scenario.allowance(of: row)
                bandHours[row.staff, default: 0] += allowance.hours
                bandEuros[row.staff, default: 0] += allowance.euros
            }
        }
        let count = Double(weeks.count)
        return first.sortedStaff.filter { !$0.isVolunteer && !$0.isHire }.map { person in
            let hours = worked[person.id] ?? 0
            let cost = person.hourlyCost ?? first.hourlyCost(of: person.level)
            let salaried = person.contract == .salaried
            let contract = salaried ? owed[person.id] ?? 0 : 0
            let before = salaried ? first.history.hoursBalance[person.id] ?? 0 : 0
            let above = salaried ? max(0, hours - contract) : 0
            let overtime = above * cost * (1 + first.pay.overtimePremiumPercent / 100)
            let flex = person.contract == .flex ? hours * cost : 0
            let agency = person.contract == .agency ? hours * cost : 0
            let allowance = bandEuros[person.id] ?? 0
            let band = first.pay.hoursBand
            let total = hours + before
            return PersonHours(staff: person.id, contract: person.contract, contractHours: contract, balanceBefore: before,
                               rosteredHours: hours, allowanceHours: bandHours[person.id] ?? 0, allowanceCost: allowance,
                               extraCost: overtime + flex + agency + allowance, flexCost: flex, agencyCost: agency,
                               overtimeCost: overtime, payroll: salaried ? person.contractHours * count * cost : 0,
                               withinBand: !salaried || (total >= contract * (1 - band) - 1e-6 && total <= contract * (1 + band) + 1e-6))
        }
    }

    /// `people` over the rosters of a period's first weeks, each week the period's scenario moved
    /// to its own Monday (the balance before is the period's own).
    public static func people(period scenario: Scenario, rosters: [Roster]) -> [PersonHours] {
        people(rosters.enumerated().map { index, roster in
            var week = scenario
            week.week = scenario.week.adding(weeks: index)
            return (roster, week)
        })
    }

    /// The totals of `people`.
    public static func totals(_ people: [PersonHours]) -> PayrollSummary {
        var summary = PayrollSummary()
        for person in people {
            summary.payroll += person.payroll
            summary.flex += person.flexCost
            summary.agency += person.agencyCost
            summary.overtime += person.overtimeCost
            summary.allowances += person.allowanceCost
            summary.contractHours += person.contractHours
            summary.rosteredHours += person.rosteredHours
            if person.contract == .salaried { summary.idleContractHours += max(0, person.contractHours - person.rosteredHours) }
        }
        return summary
    }
}
