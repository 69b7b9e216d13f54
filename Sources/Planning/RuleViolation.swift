import CareDomain

extension RuleViolation {
    /// The static reasons a person can never work a session, from `Eligibility`.
    init?(_ eligibility: Eligibility) {
        switch eligibility {
        case .eligible: return nil
        case .notAtLocation: self = .notAtLocation
        case let .absent(date): self = .absent(date)
        case .unavailable: self = .unavailable
        case let .longerThanShift(violation): self = violation
        case .noTimeToTravelFromHome: self = .noTimeToTravelFromHome
        case let .afterHistory(violation): self = violation
        case let .protected(protection): self = .protected(protection)
        }
    }
}
