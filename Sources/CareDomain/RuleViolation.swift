import Foundation

/// Why one person may not take one more piece of work: the rule that forbids it, as a value.
///
/// The feasibility oracle (`WorkingWeek`), the construction, the polish and the explanations all
/// speak in these; a sentence is made only where a reason is written for a planner.
public enum RuleViolation: Hashable, Sendable {
    case notAtLocation
    case absent(CivilDate)
    case unavailable
    case longerThanShift
    case noTimeToTravelFromHome
    /// Already working then (the other work's label).
    case busy(String)
    /// Too little time to travel between this and other work (the other work's label).
    case noTravelTime(String)
    case noTravelFromHome
    case noTravelHome
    /// Over `field`'s limit (`max_hours`, or `max_week_hours` as the Act counts): `worked` the
    /// week's working time with the piece. Where an explanation knows them, `before` is the
    /// week's working time without it and `clock` the piece's own hours, so a planner can add
    /// them up (a break the joined shift needs makes the two differ).
    case hoursLimit(worked: Double, limit: Double, field: String = "max_hours", before: Double? = nil, clock: Double? = nil)
    /// What the law or an agreement protects this person from (a minor, an older worker, `no_night_work`).
    case protected(Protection)
    /// On-call duty too close to a night shift (ATW 5:9).
    case onCallNearNight(before: Bool, hours: Double)
    /// Too many days of on-call duty (ATW 5:9, the preset's).
    case onCallDays(OnCallDayLimit)
    /// Above what an average over `weeks` weeks (`field`: ATW 5:7, 5:8) leaves this week after the
    /// weeks before it.
    case averageWeekHours(worked: Double, limit: Double, average: Double, weeks: Int, field: String)
    case shiftTooLong(limitHours: Double)
    case nightShiftTooLong(limitHours: Double)
    /// More nights longer than `max_night_shift_hours` than the Act's allowance has room for in
    /// `days` (14 or 364: ATW 5:8, `long_night_shifts`).
    case longNightShifts(limit: Int, days: Int)
    /// Less than the rest after a night longer than `max_night_shift_hours` (ATW 5:8: 12 h).
    case restAfterLongNight(hours: Double)
    /// Too many duties with a sleeping shift (Arbeidstijdenbesluit 4.8:1, `sleeping_duties`).
    case sleepingDuties(limit: Int, window: String, field: String)
    /// Less than the rest before a duty with a sleeping shift (Arbeidstijdenbesluit 4.8:1: 11 h).
    case restBeforeSleepShift(hours: Double)
    case restAfterNight(hours: Double)
    case weeklyRest(hours: Double)
    /// Less than 72 h of rest in pieces of at least 32 h in the two-week period (ATW 5:5).
    case twoWeekRest
    /// No uninterrupted rest of `hours` in some `days`×24 h (a collective agreement's `rolling_rest`).
    case rollingRest(hours: Double, days: Int)
    case restAfterNightSeries(hours: Double)
    /// A duty with a sleeping shift over 24 h.
    case sleepDutyTooLong
    /// Less than the daily rest after a duty with a sleeping shift.
    case restAfterSleepShift(hours: Double)
    /// A split shift without the person's consent.
    case splitShift
    /// Shift patterns (SCENARIO.md 1.1).
    case workingDaysInARow(limit: Int)
    case daysOffTooFew(least: Int)
    case weekendsWorked(limit: Int)
    /// Fewer free weekends in 52 weeks than the agreement keeps.
    case freeWeekends(least: Int)
    /// A second shortened daily rest within 7×24 h.
    case dailyRest(hours: Double, reducedHours: Double)
    /// More shifts in a row with a night among them than allowed.
    case shiftsInARowWithNight(limit: Int)
    /// More night shifts in 16 weeks than allowed (the history's count included).
    case nightShiftCount(limit: Int)
    /// More Sundays worked in 52 weeks than allowed (the history's count included).
    case sundaysWorked(limit: Int)
    /// Visit sequencing: no order of the day's work fits around the fixed work and travel.
    case noFreeTime
    case notResponsible
    case maxDistinctStaff(Int)
    case alreadyThere
    /// Client work the person may not do: below the level it asks (a product's `min_level`, an
    /// appointment role's `level`), or a volunteer.
    case belowLevel(QualificationLevel)
    /// Lacking what the client (`needs`), the product (`skills`) or the role asks.
    case lacksSkills([String])
    /// A visit or evaluation outside the client's available time and the product's office hours.
    case outsideClientHours
    /// Client work that does not start on the scenario's time grid (`time_step_minutes`).
    case offTimeGrid(Int)
    /// More visits on one day than the client's `max_per_day`.
    case visitsADay(Int)
    /// More visits than the client asks this week (`visits_per_week`).
    case moreVisitsThanAsked(Int)
    /// An appointment's people not all there at one time, or outside its window.
    case appointmentTime
    /// With this person the appointment's roles cannot be filled one person each.
    case appointmentRoles
    /// Free to come, but meeting none of what a short session lacks (in English, in Dutch).
    case meetsNoNeed(lacking: String, ontbreekt: String)
    /// Kept free at the end of a week of a period so that they are rested for their work early
    /// in the next week (its date and time): working here would break a rest rule before it.
    case restBeforeLaterWork(String)

    /// The reason in a planner's words.
    public var sentence: String {
        switch self {
        case .notAtLocation: "does not work at this location"
        case let .absent(date): "absent on \(date)"
        case .unavailable: "not available at this time"
        case .longerThanShift: "the session is longer than a shift may be"
        case .noTimeToTravelFromHome: "cannot travel from home and back within their available hours"
        case let .busy(other): "busy at \(other)"
        case let .noTravelTime(other): "no travel time from/to \(other)"
        case .noTravelFromHome: "no time to travel from home"
        case .noTravelHome: "no time to travel home"
        case let .hoursLimit(worked, limit, field, before, clock):
            if let before {
                "at the hours limit: \(Self.hoursText(before)) h worked this week + \(Self.piece(worked - before, clock: clock, break: "break")) = \(Self.hoursText(worked)) h of at most \(Self.hoursText(limit)) h (\(field))"
            } else {
                "at the hours limit (this would make \(Self.hoursText(worked)) of at most \(Self.hoursText(limit)) h, \(field))"
            }
        case let .protected(protection): protection.sentence
        case let .onCallNearNight(before, hours): before ? "on call within \(Self.hoursText(hours)) h before their night shift (on_call.free_before_night_hours, ATW 5:9)" : "on call within \(Self.hoursText(hours)) h after their night shift (on_call.free_after_night_hours, ATW 5:9)"
        case let .onCallDays(.in28Days(limit)): "on call on more than \(limit) days in 28 (on_call.max_days_28)"
        case let .onCallDays(.inARow(limit)): "on call on more than \(limit) days in a row (on_call.max_days_in_a_row)"
        case let .averageWeekHours(worked, limit, average, weeks, field): "at the average over \(weeks) weeks (this would make \(Self.hoursText(worked)) h; the weeks before leave at most \(Self.hoursText(limit)) h of \(Self.hoursText(average)) h a week on average, \(field))"
        case let .shiftTooLong(limit): "the shift would be longer than \(Self.hoursText(limit)) h (max_shift_hours)"
        case let .nightShiftTooLong(limit): "the night shift would be longer than \(Self.hoursText(limit)) h (max_night_shift_hours)"
        case let .longNightShifts(limit, days): days == 14 ? "more than \(limit) night shifts longer than max_night_shift_hours in 14×24 h (long_night_shifts.per_14_days, ATW 5:8)" : "more than \(limit) night shifts longer than max_night_shift_hours in 52 weeks (long_night_shifts.per_52_weeks, ATW 5:8)"
        case let .restAfterLongNight(hours): "less than \(Self.hoursText(hours)) h rest after a night shift longer than max_night_shift_hours (ATW 5:8)"
        case let .sleepingDuties(limit, window, field): "more than \(limit) duties with a sleeping shift in \(window) (sleeping_duties.\(field), Arbeidstijdenbesluit 4.8:1)"
        case let .restBeforeSleepShift(hours): "less than \(Self.hoursText(hours)) h rest before a duty with a sleeping shift (sleeping_duties.rest_before_hours, Arbeidstijdenbesluit 4.8:1)"
        case let .restAfterNight(hours): "less than \(Self.hoursText(hours)) h rest after a night shift (min_rest_after_night_hours)"
        case let .restAfterNightSeries(hours): "less than \(Self.hoursText(hours)) h rest after three or more night shifts in a row (rest_after_night_series_hours)"
        case let .weeklyRest(hours): "no weekly rest of \(Self.hoursText(hours)) h would be left (min_weekly_rest_hours)"
        case .twoWeekRest: "the two weeks would not hold 72 h of rest in pieces of at least 32 h (weekly_rest: 72h-per-14-days)"
        case let .rollingRest(hours, days): "some \(days)×24 h would hold no uninterrupted rest of \(Self.hoursText(hours)) h (rolling_rest)"
        case .splitShift: "it would make a split shift (an hour or more between two sessions), without their consent (split_shifts)"
        case let .workingDaysInARow(limit): "more than \(limit) working days in a row (max_consecutive_working_days)"
        case let .daysOffTooFew(least): "it would leave fewer than \(least) days off together (min_consecutive_days_off)"
        case let .freeWeekends(least): "fewer than \(least) free weekends in 52 weeks would be left (min_free_weekends_52_weeks)"
        case let .weekendsWorked(limit): "more than \(limit) weekends worked in 4 weeks (max_weekends_worked)"
        case .sleepDutyTooLong: "the duty with its sleeping shift would last more than 24 h"
        case let .restAfterSleepShift(hours): "less than \(Self.hoursText(hours)) h rest after a duty with a sleeping shift (min_daily_rest_hours)"
        case let .dailyRest(hours, reduced): "less than \(Self.hoursText(hours)) h daily rest, and the rest was already shortened to \(Self.hoursText(reduced)) h within 7×24 h (min_daily_rest_hours, reduced_daily_rest_hours)"
        case let .shiftsInARowWithNight(limit): "more than \(limit) shifts in a row with a night shift among them (max_consecutive_shifts_with_night)"
        case let .nightShiftCount(limit): "more than \(limit) night shifts in 16 weeks (max_night_shifts_16_weeks)"
        case let .sundaysWorked(limit): "more than \(limit) Sundays worked in 52 weeks (ATW: 13 free Sundays)"
        case .noFreeTime: "no free time that fits around their other work and travel"
        case .notResponsible: "not the client's responsible professional"
        case let .maxDistinctStaff(limit): "the client's max_distinct_staff (\(limit)) is reached by others"
        case .alreadyThere: "already rostered here"
        case let .belowLevel(level): "below the level the work asks (a professional of \(level.orHigher))"
        case let .lacksSkills(skills): "lacks what the client or the work asks: \(skills.joined(separator: ", "))"
        case .outsideClientHours: "outside the client's available time and the product's office hours"
        case let .offTimeGrid(step): "not on the \(step)-minute time grid (time_step_minutes)"
        case let .visitsADay(limit): "more than the client's \(limit) visit(s) a day (max_per_day)"
        case let .moreVisitsThanAsked(count): "more visits than the \(count) the client asks this week (visits.count)"
        case .appointmentTime: "not at the appointment's time inside its window, with its other people"
        case .appointmentRoles: "with them the appointment's roles cannot be filled, one person each"
        case let .meetsNoNeed(lacking, _): "meets none of what the session lacks (\(lacking))"
        case let .restBeforeLaterWork(when): "kept rested for their work in the next week (\(when)): working here would break a rest rule before it"
        }
    }

    /// The reason in the run's language (English: `sentence`, as the CSV files have it).
    public func sentence(in language: ReportLanguage) -> String {
        guard language == .nl else { return sentence }
        let h = Self.hoursText
        switch self {
        case .notAtLocation: return "werkt niet op deze locatie"
        case let .absent(date): return "afwezig op \(date)"
        case .unavailable: return "niet beschikbaar op dit tijdstip"
        case .longerThanShift: return "de sessie is langer dan een dienst mag zijn"
        case .noTimeToTravelFromHome: return "kan binnen de beschikbare uren niet van huis heen en terug reizen"
        case let .busy(other): return "bezig bij \(other)"
        case let .noTravelTime(other): return "geen reistijd van/naar \(other)"
        case .noTravelFromHome: return "geen tijd om van huis te reizen"
        case .noTravelHome: return "geen tijd om naar huis te reizen"
        case let .hoursLimit(worked, limit, field, before, clock):
            if let before {
                return "aan de urengrens: \(h(before)) uur gewerkt deze week + \(Self.piece(worked - before, clock: clock, break: "pauze", hours: "uur", here: "hier", less: "min")) = \(h(worked)) van ten hoogste \(h(limit)) uur (\(field))"
            }
            return "aan de urengrens (dit zou \(h(worked)) van ten hoogste \(h(limit)) uur worden, \(field))"
        case let .protected(protection): return protection.sentenceNL
        case let .onCallNearNight(before, hours): return before ? "bereikbaar binnen \(h(hours)) uur voor de eigen nachtdienst (on_call.free_before_night_hours, ATW 5:9)" : "bereikbaar binnen \(h(hours)) uur na de eigen nachtdienst (on_call.free_after_night_hours, ATW 5:9)"
        case let .onCallDays(.in28Days(limit)): return "op meer dan \(limit) dagen in 28 bereikbaar (on_call.max_days_28)"
        case let .onCallDays(.inARow(limit)): return "op meer dan \(limit) dagen op rij bereikbaar (on_call.max_days_in_a_row)"
        case let .averageWeekHours(worked, limit, average, weeks, field): return "aan het gemiddelde over \(weeks) weken (dit zou \(h(worked)) uur worden; de weken ervoor laten ten hoogste \(h(limit)) uur van gemiddeld \(h(average)) uur per week over, \(field))"
        case let .shiftTooLong(limit): return "de dienst zou langer worden dan \(h(limit)) uur (max_shift_hours)"
        case let .nightShiftTooLong(limit): return "de nachtdienst zou langer worden dan \(h(limit)) uur (max_night_shift_hours)"
        case let .longNightShifts(limit, days): return days == 14 ? "meer dan \(limit) nachtdiensten langer dan max_night_shift_hours in 14×24 uur (long_night_shifts.per_14_days, ATW 5:8)" : "meer dan \(limit) nachtdiensten langer dan max_night_shift_hours in 52 weken (long_night_shifts.per_52_weeks, ATW 5:8)"
        case let .restAfterLongNight(hours): return "minder dan \(h(hours)) uur rust na een nachtdienst langer dan max_night_shift_hours (ATW 5:8)"
        case let .sleepingDuties(limit, window, field): return "meer dan \(limit) slaapdiensten in \(Self.windowNL(window)) (sleeping_duties.\(field), Arbeidstijdenbesluit 4.8:1)"
        case let .restBeforeSleepShift(hours): return "minder dan \(h(hours)) uur rust voor een dienst met slaapdienst (sleeping_duties.rest_before_hours, Arbeidstijdenbesluit 4.8:1)"
        case let .restAfterNight(hours): return "minder dan \(h(hours)) uur rust na een nachtdienst (min_rest_after_night_hours)"
        case let .restAfterNightSeries(hours): return "minder dan \(h(hours)) uur rust na drie of meer nachtdiensten op rij (rest_after_night_series_hours)"
        case let .weeklyRest(hours): return "er bleef geen wekelijkse rust van \(h(hours)) uur over (min_weekly_rest_hours)"
        case .twoWeekRest: return "de twee weken zouden geen 72 uur rust in delen van ten minste 32 uur houden (weekly_rest: 72h-per-14-days)"
        case let .rollingRest(hours, days): return "een periode van \(days)×24 uur zou geen onafgebroken rust van \(h(hours)) uur houden (rolling_rest)"
        case .splitShift: return "het zou een gebroken dienst worden (een uur of meer tussen twee sessies), zonder instemming (split_shifts)"
        case let .workingDaysInARow(limit): return "meer dan \(limit) werkdagen op rij (max_consecutive_working_days)"
        case let .daysOffTooFew(least): return "er zouden minder dan \(least) vrije dagen aaneen overblijven (min_consecutive_days_off)"
        case let .freeWeekends(least): return "er zouden minder dan \(least) vrije weekenden in 52 weken overblijven (min_free_weekends_52_weeks)"
        case let .weekendsWorked(limit): return "meer dan \(limit) gewerkte weekenden in 4 weken (max_weekends_worked)"
        case .sleepDutyTooLong: return "de dienst met slaapdienst zou langer dan 24 uur duren"
        case let .restAfterSleepShift(hours): return "minder dan \(h(hours)) uur rust na een dienst met slaapdienst (min_daily_rest_hours)"
        case let .dailyRest(hours, reduced): return "minder dan \(h(hours)) uur dagelijkse rust, en de rust was binnen 7×24 uur al ingekort tot \(h(reduced)) uur (min_daily_rest_hours, reduced_daily_rest_hours)"
        case let .shiftsInARowWithNight(limit): return "meer dan \(limit) diensten op rij met een nachtdienst erbij (max_consecutive_shifts_with_night)"
        case let .nightShiftCount(limit): return "meer dan \(limit) nachtdiensten in 16 weken (max_night_shifts_16_weeks)"
        case let .sundaysWorked(limit): return "meer dan \(limit) gewerkte zondagen in 52 weken (ATW: 13 vrije zondagen)"
        case .noFreeTime: return "geen vrije tijd die past tussen het andere werk en de reistijd"
        case .notResponsible: return "niet de eindverantwoordelijke van de cliënt"
        case let .maxDistinctStaff(limit): return "het maximum aantal verschillende medewerkers van de cliënt (\(limit)) is door anderen bereikt"
        case .alreadyThere: return "staat hier al ingeroosterd"
        case let .belowLevel(level): return "onder het niveau dat het werk vraagt (een professional van \(level.orHigher(in: .nl)))"
        case let .lacksSkills(skills): return "mist wat de cliënt of het werk vraagt: \(skills.joined(separator: ", "))"
        case .outsideClientHours: return "buiten de beschikbare tijd van de cliënt en de kantooruren van het product"
        case let .offTimeGrid(step): return "niet op het tijdraster van \(step) minuten (time_step_minutes)"
        case let .visitsADay(limit): return "meer dan de \(limit) bezoek(en) per dag van de cliënt (max_per_day)"
        case let .moreVisitsThanAsked(count): return "meer bezoeken dan de \(count) die de cliënt deze week vraagt (visits.count)"
        case .appointmentTime: return "niet op het tijdstip van het overleg binnen zijn venster, met de anderen erin"
        case .appointmentRoles: return "daarmee zijn de rollen van het overleg niet elk door één persoon te vullen"
        case let .meetsNoNeed(_, ontbreekt): return "voldoet aan niets wat de sessie mist (\(ontbreekt))"
        case let .restBeforeLaterWork(when): return "vrij gehouden voor het werk in de week erna (\(when)): hier werken zou de rust daarvoor breken"
        }
    }

    /// The hours a piece adds, with the break its shift then needs where that makes them fewer
    /// than its clock hours: "3.25 h here (3.5 h less 0.25 h break)".
    static func piece(_ added: Double, clock: Double?, break word: String, hours: String = "h", here: String = "here", less: String = "less") -> String {
        let text = "\(hoursText(added)) \(hours) \(here)"
        guard let clock, clock - added > 0.005 else { return text }
        return text + " (\(hoursText(clock)) \(hours) \(less) \(hoursText(clock - added)) \(hours) \(word))"
    }

    /// A window of weeks or days in Dutch ("26 weeks" → "26 weken", "7×24 h" → "7×24 uur").
    static func windowNL(_ window: String) -> String {
        window.replacingOccurrences(of: "weeks", with: "weken").replacingOccurrences(of: " h", with: " uur")
    }

    /// Hours as a planner writes them: 17.5, 14, 0.25.
    public static func hoursText(_ hours: Double) -> String {
        let rounded = (hours * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
