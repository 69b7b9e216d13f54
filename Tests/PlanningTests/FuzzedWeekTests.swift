import CareDomain
import GLPKSolver
import Planning
import RosterCheck
import ScenarioFormat
import Testing

/// Weeks drawn by `benchmarks/fuzz_weeks.py` whose roster the independent checker once refused,
/// kept as they were drawn: each must now plan to a roster that passes.
@Suite("Fuzzed weeks that once failed")
struct FuzzedWeekTests {
    func planAndCheck(_ yaml: String, seconds: Double = 6) throws -> (violations: [Violation], outcome: PlanOutcome) {
        let scenario = try ScenarioLoader.parse(yaml, file: "fuzz.yaml")
        let outcome = try RosterPlanner(solver: GLPKSolver()).plan(scenario, options: PlanningOptions(timeLimitSeconds: seconds, relativeGap: 0.01))
        return (RosterChecker(scenario: scenario).check(outcome.roster), outcome)
    }

    /// Seed 111: the model chose s11 as responsible for nine clients (4.5 h of coordination); the
    /// group side, made maximal after the model, then gave s11 a fourth shift, and the
    /// responsibility was kept without asking whether its coordination still fit: 34.5 h of 32.
    @Test("A responsibility the model chose is kept only while its coordination still fits beside the finished group work")
    func responsibilityAfterGroupFill() throws {
        let (violations, outcome) = try planAndCheck(Self.seed111)
        #expect(violations.isEmpty, "\(violations)")
        #expect(!outcome.roster.responsibilities.isEmpty)
    }

    /// Seed 254 (`min_consecutive_days_off: 2`): the group side was made maximal before the
    /// appointments were placed; s04's Monday would have left Tuesday a lone day off, but the
    /// appointment then put on that Tuesday made Monday possible, and Monday's ggz stayed short
    /// while s04 was free: not maximal (the construction too, so no roster at all was written).
    @Test("Group work is offered again once client work is placed: a run of days off is the one rule where more work allows more")
    func daysOffAfterAppointments() throws {
        let (violations, _) = try planAndCheck(Self.seed254)
        #expect(violations.isEmpty, "\(violations)")
    }

    static let seed254 = """
    version: 1
    name: "fuzz 254"
    week: 2026-W12
    settings: {fairness: [evenings, nights, weekends]}
    products:
      groep: {setting: group, ratio: 4, min_level: mbo2}
      wonen: {setting: group, ratio: 4, min_level: mbo3, lead_level: mbo4}
    labour_rules: {preset: cao-vvt, min_consecutive_days_off: 2, max_shift_hours: 9}
    locations:
      dag1:
        area: "a1"
        capacity: 16
        sessions:
          - {name: ochtend, days: [mon, wed, fri], from: "09:00", to: "12:30"}
          - {name: middag, days: [mon, wed, fri], from: "13:00", to: "16:30"}
      dag2:
        area: "a1"
        capacity: 14
        sessions:
          - {name: ochtend, days: [mon, wed, fri], from: "09:00", to: "12:30"}
      huis1:
        area: "a0"
        capacity: 8
        sessions:
          - {name: vroeg, days: mon-sun, from: "07:00", to: "15:00"}
          - {name: laat, days: mon-sun, from: "15:00", to: "23:00"}
          - {name: nacht, days: mon-sun, from: "23:00", to: "07:00", ratio: 8, min_staff: 1}
    staff:
      s01: {level: mbo2, contract_hours: 32, hourly_cost: 30, skills: [verzorging], locations: [dag2, huis1, dag1], available: [{days: mon-thu, from: "08:00", to: "17:30"}]}
      s02: {level: mbo3, contract_hours: 36, hourly_cost: 34, skills: [ggz], max_hours: 44, locations: [huis1], home_area: "a0"}
      s03: {level: mbo4, contract_hours: 36, hourly_cost: 38, skills: [verzorging], max_hours: 40, locations: [dag2, dag1], home_area: "a0", wishes: [{date: 2026-03-18, off: true, weight: 4}]}
      s04: {level: hbo, contract_hours: 32, hourly_cost: 42, skills: [ggz], max_hours: 40, available: [{days: mon-thu, from: "08:00", to: "17:30"}], home_area: "a1"}
      s05: {level: mbo3, contract_hours: 36, hourly_cost: 34, skills: [social-work], max_hours: 36, locations: [dag1]}
      s06: {level: mbo2, contract_hours: 36, hourly_cost: 30, skills: [ggz], locations: [huis1], available: [{days: mon-thu, from: "08:00", to: "17:30"}], home_area: "a1"}
      s07: {level: mbo2, contract_hours: 28, hourly_cost: 30, skills: [verzorging], available: [{days: [mon, wed, fri], from: "07:00", to: "23:30"}]}
      s08: {level: mbo3, contract_hours: 36, hourly_cost: 34, skills: [ggz], max_hours: 44, available: [{days: mon-sun, from: "06:00", to: "24:00"}]}
      s09: {level: mbo4, contract_hours: 36, hourly_cost: 38, max_hours: 44, locations: [dag1], available: [{days: mon-thu, from: "08:00", to: "17:30"}]}
      s10: {level: mbo2, contract_hours: 32, hourly_cost: 30, skills: [ggz, social-work], max_hours: 40, locations: [huis1], available: [{days: tue-fri, from: "08:30", to: "13:00"}], home_area: "a0"}
    clients:
      c001: {product: groep, location: dag1, attends: [fri ochtend, mon middag, mon ochtend, wed ochtend], last_evaluation: 2025-12-01}
      c002: {product: groep, location: dag1, attends: [fri ochtend, mon middag, mon ochtend, wed middag, wed ochtend], needs: [ggz], last_evaluation: 2025-10-01}
      c003: {product: groep, location: dag1, attends: [fri middag, fri ochtend, mon middag, mon ochtend, wed middag, wed ochtend], last_evaluation: 2025-10-01}
      c004: {product: groep, location: dag1, attends_any: {count: 2, of: [mon ochtend, mon middag, wed ochtend, wed middag, fri ochtend, fri middag]}, last_evaluation: 2025-06-01}
      c005: {product: groep, location: dag1, attends_any: {count: 2, of: [mon ochtend, mon middag, wed ochtend, wed middag, fri ochtend, fri middag]}, last_evaluation: 2025-10-01}
      c006: {product: groep, location: dag1, attends: [wed ochtend], last_evaluation: 2025-06-01}
      c007: {product: groep, location: dag1, attends: [wed middag, wed ochtend], last_evaluation: 2025-10-01}
      c008: {product: groep, location: dag2, attends: [fri ochtend, mon ochtend, wed ochtend], last_evaluation: 2025-06-01}
      c009: {product: groep, location: dag2, attends: [mon ochtend, wed ochtend], needs: [ggz], last_evaluation: 2025-06-01}
      c010: {product: groep, location: dag2, attends: [fri ochtend], last_evaluation: 2025-10-01}
      c011: {product: groep, location: dag2, attends: [fri ochtend, mon ochtend, wed ochtend], last_evaluation: 2025-06-01}
      c012: {product: groep, location: dag2, attends: [mon ochtend, wed ochtend], last_evaluation: 2025-06-01}
      c013: {product: groep, location: dag2, attends_any: {count: 2, of: [mon ochtend, wed ochtend, fri ochtend]}, last_evaluation: 2025-06-01}
      c014: {product: groep, location: dag2, attends: [fri ochtend, mon ochtend, wed ochtend], last_evaluation: 2025-10-01}
      c015: {product: groep, location: dag2, attends: [fri ochtend], last_evaluation: 2025-12-01}
      c016: {product: groep, location: dag2, attends_any: {count: 2, of: [mon ochtend, wed ochtend, fri ochtend]}, last_evaluation: 2025-10-01}
      c017: {product: groep, location: dag2, attends: [wed ochtend], last_evaluation: 2025-12-01}
      c018: {product: groep, location: dag2, attends: [mon ochtend], last_evaluation: 2025-12-01}
      c019: {product: groep, location: dag2, attends: [fri ochtend], last_evaluation: 2025-10-01}
      c020: {product: groep, location: dag2, attends: [wed ochtend], last_evaluation: 2025-06-01}
      c021: {product: groep, location: dag2, attends: [fri ochtend, mon ochtend, wed ochtend], last_evaluation: 2025-10-01}
      c022: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht]}
      c023: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht]}
      c024: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht], needs: [verzorging], key_workers: [s06, s02]}
      c025: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht]}
      c026: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht], key_workers: [s10, s05]}
      c027: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht]}
      c028: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht], key_workers: [s04, s07]}
    appointments:
      mdo1: {location: dag1, minutes: 60, window: {days: mon-fri, from: "09:00", to: "17:00"}, roles: [{level: hbo}, {level: mbo4}]}
      mdo2: {location: dag1, minutes: 60, window: {days: mon-fri, from: "09:00", to: "17:00"}, roles: [{level: mbo4}, {skills: [ggz]}]}
    """

    static let seed111 = """
    version: 1
    name: "fuzz 111"
    week: 2026-W12
    products:
      groep: {setting: group, ratio: 6, min_level: mbo2}
      wonen: {setting: group, ratio: 4, min_level: mbo3, lead_level: mbo4}
      amb: {setting: ambulatory, min_level: mbo4, responsible_level: hbo, office_hours: {days: mon-fri, from: "08:30", to: "17:00"}, coordination_minutes: 30, evaluation_months: 6}
    labour_rules: {min_consecutive_days_off: 2}
    locations:
      dag1:
        area: "a1"
        capacity: 16
        sessions:
          - {name: ochtend, days: [mon, wed, fri], from: "09:00", to: "12:30"}
          - {name: middag, days: [mon, wed, fri], from: "13:00", to: "16:30", min_staff: 2}
      huis1:
        area: "a3"
        capacity: 8
        sessions:
          - {name: vroeg, days: mon-sun, from: "07:00", to: "15:00"}
          - {name: laat, days: mon-sun, from: "15:00", to: "23:00"}
          - {name: nacht, days: mon-sun, from: "22:30", to: "07:30", ratio: 8, min_staff: 1}
          - {name: bereikbaar, days: mon-sun, from: "23:00", to: "07:00", kind: on-call, min_staff: 1}
    staff:
      s01: {level: mbo2, contract_hours: 32, hourly_cost: 30}
      s02: {level: mbo3, contract_hours: 32, hourly_cost: 34, max_hours: 40, absent: [2026-03-19], wishes: [{date: 2026-03-21, off: true, weight: 2}]}
      s03: {level: mbo4, contract_hours: 32, hourly_cost: 38, skills: [social-work]}
      s04: {level: hbo, contract_hours: 24, hourly_cost: 42, locations: [dag1, huis1], max_caseload: 10}
      s05: {level: mbo3, contract_hours: 24, hourly_cost: 34, locations: [dag1, huis1], absent: [2026-03-22], wishes: [{date: 2026-03-17, off: true, weight: 2}]}
      s06: {level: hbo, contract_hours: 36, hourly_cost: 42, skills: [verzorging, ggz], home_area: "a2", max_caseload: 19}
      s07: {level: mbo3, contract_hours: 36, hourly_cost: 34, max_hours: 44, available: [{days: mon-thu, from: "08:00", to: "17:30"}], wishes: [{date: 2026-03-20, off: true, weight: 3}]}
      s08: {level: mbo4, contract_hours: 36, hourly_cost: 38, locations: [dag1, huis1], available: [{days: tue-fri, from: "08:30", to: "13:00"}], home_area: "a2"}
      s09: {level: mbo4, contract_hours: 36, hourly_cost: 38, skills: [ggz], max_hours: 44, home_area: "a3"}
      s10: {level: mbo4, contract_hours: 24, hourly_cost: 38, locations: [huis1]}
      s11: {level: hbo, contract_hours: 24, hourly_cost: 42, skills: [verzorging, social-work], max_hours: 32, available: [{days: mon-sun, from: "06:00", to: "24:00"}], home_area: "a3", max_caseload: 9}
      s12: {level: mbo3, contract_hours: 24, hourly_cost: 34, skills: [verzorging], home_area: "a2"}
      s13: {level: mbo3, contract_hours: 16, hourly_cost: 34, skills: [social-work], max_hours: 20}
      s14: {level: mbo2, contract_hours: 36, hourly_cost: 30, absent: [2026-03-19], wishes: [{date: 2026-03-17, off: true, weight: 5}]}
      s15: {level: mbo3, contract_hours: 24, hourly_cost: 34, skills: [ggz], max_hours: 24}
      s16: {level: mbo4, contract_hours: 28, hourly_cost: 38, skills: [verzorging], locations: [dag1, huis1], home_area: "a1"}
    clients:
      c001: {product: groep, location: dag1, attends: [fri middag, fri ochtend, mon middag, mon ochtend, wed middag, wed ochtend], last_evaluation: 2025-06-01}
      c002: {product: groep, location: dag1, attends: [fri ochtend, mon middag, mon ochtend, wed middag], last_evaluation: 2025-06-01}
      c003: {product: groep, location: dag1, attends_any: {count: 2, of: [mon ochtend, mon middag, wed ochtend, wed middag, fri ochtend, fri middag]}, last_evaluation: 2025-10-01}
      c004: {product: groep, location: dag1, attends_any: {count: 2, of: [mon ochtend, mon middag, wed ochtend, wed middag, fri ochtend, fri middag]}, last_evaluation: 2025-06-01}
      c005: {product: groep, location: dag1, attends_any: {count: 2, of: [mon ochtend, mon middag, wed ochtend, wed middag, fri ochtend, fri middag]}, last_evaluation: 2025-06-01}
      c006: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht], key_workers: [s06, s03]}
      c007: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht], needs: [verzorging]}
      c008: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht]}
      c009: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht]}
      c010: {product: wonen, location: huis1, attends: [mon vroeg, mon laat, mon nacht, tue vroeg, tue laat, tue nacht, wed vroeg, wed laat, wed nacht, thu vroeg, thu laat, thu nacht, fri vroeg, fri laat, fri nacht, sat vroeg, sat laat, sat nacht, sun vroeg, sun laat, sun nacht], key_workers: [s14, s08]}
      c011: {product: amb, area: "a2", visits: {count: 2, minutes: 30}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], last_evaluation: 2025-10-01}
      c012: {product: amb, area: "a3", visits: {count: 3, minutes: 60}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], last_evaluation: 2025-10-01}
      c013: {product: amb, area: "a0", visits: {count: 3, minutes: 60}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], preferred_staff: [s06], last_evaluation: 2025-10-01}
      c014: {product: amb, area: "a0", visits: {count: 3, minutes: 30}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], preferred_staff: [s09], last_evaluation: 2025-12-01}
      c015: {product: amb, area: "a1", visits: {count: 3, minutes: 45}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], max_distinct_staff: 1, preferred_staff: [s14], last_evaluation: 2025-10-01}
      c016: {product: amb, area: "a3", visits: {count: 2, minutes: 90}, available: [{days: [mon, wed], from: "09:00", to: "10:30"}], last_evaluation: 2025-10-01}
      c017: {product: amb, area: "a2", visits: {count: 2, minutes: 60}, available: [{days: [mon, wed], from: "09:00", to: "10:30"}], needs: [social-work], max_distinct_staff: 1, last_evaluation: 2025-10-01}
      c018: {product: amb, area: "a3", visits: {count: 3, minutes: 30}, available: [{days: mon-fri, from: "09:00", to: "16:00"}], preferred_staff: [s05], last_evaluation: 2025-06-01}
      c019: {product: amb, area: "a2", visits: {count: 3, minutes: 60}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], max_distinct_staff: 2, preferred_staff: [s03], last_evaluation: 2025-12-01}
      c020: {product: amb, area: "a2", visits: {count: 1, minutes: 30}, available: [{days: mon-fri, from: "09:00", to: "16:00"}], needs: [verzorging], last_evaluation: 2025-06-01}
      c021: {product: amb, area: "a0", visits: {count: 1, minutes: 45}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], needs: [verzorging], last_evaluation: 2025-06-01}
      c022: {product: amb, area: "a1", visits: {count: 1, minutes: 45}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], max_distinct_staff: 1, last_evaluation: 2025-06-01}
      c023: {product: amb, area: "a3", visits: {count: 1, minutes: 45}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], max_distinct_staff: 2, last_evaluation: 2025-10-01}
      c024: {product: amb, area: "a1", visits: {count: 3, minutes: 45}, available: [{days: [mon, wed], from: "09:00", to: "10:30"}], last_evaluation: 2025-10-01}
      c025: {product: amb, area: "a2", visits: {count: 2, minutes: 45}, available: [{days: [mon, wed], from: "09:00", to: "10:30"}], max_distinct_staff: 2, last_evaluation: 2025-10-01}
      c026: {product: amb, area: "a2", visits: {count: 2, minutes: 45}, available: [{days: mon-fri, from: "09:00", to: "16:00"}], max_distinct_staff: 1, last_evaluation: 2025-10-01}
      c027: {product: amb, area: "a3", visits: {count: 3, minutes: 60}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], last_evaluation: 2025-06-01}
      c028: {product: amb, area: "a3", visits: {count: 2, minutes: 45}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], max_distinct_staff: 1, last_evaluation: 2025-12-01}
      c029: {product: amb, area: "a2", visits: {count: 2, minutes: 60}, available: [{days: mon-fri, from: "09:00", to: "16:00"}], last_evaluation: 2025-06-01}
      c030: {product: amb, area: "a0", visits: {count: 1, minutes: 60}, available: [{days: mon-sun, from: "08:00", to: "20:00"}], needs: [social-work], max_distinct_staff: 2, last_evaluation: 2025-10-01}
      c031: {product: amb, area: "a0", visits: {count: 2, minutes: 90}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], preferred_staff: [s03], last_evaluation: 2025-06-01}
      c032: {product: amb, area: "a0", visits: {count: 3, minutes: 90}, available: [{days: [tue, thu], from: "13:00", to: "17:00"}], last_evaluation: 2025-12-01}
      c033: {product: amb, area: "a2", visits: {count: 1, minutes: 90}, available: [{days: mon-fri, from: "09:00", to: "16:00"}], preferred_staff: [s01], last_evaluation: 2025-10-01}
    """
}
