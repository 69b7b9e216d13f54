import CareDomain

/// A person with a `home_area` travels from home to the first work of an availability stretch
/// and home after its last, inside that stretch (the MIP settles it per session through
/// `StaffCalendar.eligibility`, the day model through `DaySequencer`); the oracle's check.
struct HomeTravelRule: PersonWeekRule {
    func violation(in week: PersonWeekView) -> RuleViolation? {
        let sorted = week.work
        for (index, item) in sorted.enumerated() where !week.sequencer.canFollow(index > 0 ? sorted[index - 1] : nil, with: item) {
            return .noTravelFromHome
        }
        if let last = sorted.last, !week.sequencer.canGoHome(after: last) { return .noTravelHome }
        return nil
    }
}
