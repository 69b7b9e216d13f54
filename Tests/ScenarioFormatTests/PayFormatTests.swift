import CareDomain
import ScenarioFormat
import Testing

/// SCENARIO.md 1.2's fields as read, and their located errors.
@Suite("Contracts, allowances and holidays in the format")
struct PayFormatTests {
    static func yaml(staff: String = "  s1: {level: mbo3, contract_hours: 32}", extra: String = "") -> String {
        """
        version: 1
        week: 2026-W12
        products:
          dag: {setting: group, ratio: 5, min_level: mbo2}
        locations:
          huis:
            closed_on_holidays: true
            sessions:
              - {name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}
        staff:
        \(staff)
        clients:
          c1: {product: dag, location: huis, attends: [mon ochtend]}
        \(extra)
        """
    }

    /// Every issue a scenario text is refused with (none: it reads).
    func issues(_ yaml: String) -> [ScenarioIssue] { ScenarioLoaderTests().issues(yaml) }

    @Test("Contract types, wages, the balance, the band, overtime, allowances and holidays are read as written")
    func readsEverything() throws {
        let staff = """
          s1: {level: mbo3, contract: salaried, contract_hours: 32, hourly_wage: 21.40, hourly_cost: 34, irregular_allowance: false}
          f1: {level: mbo2, contract: flex, min_hours: 0, max_hours: 24, hourly_cost: 30}
          a1: {level: mbo4, contract: agency, hourly_cost: 62}
          v1: {contract: volunteer}
        """
        let extra = """
        history:
          hours_balance: {s1: -12.5}
        settings: {hours_band: 0.15}
        overtime: {premium_percent: 25}
        allowances:
          preset: cao-gehandicaptenzorg
        holidays: nl
        holidays_add: [2026-12-24]
        holidays_remove: [2026-04-03]
        """
        let scenario = try ScenarioLoader.parse(Self.yaml(staff: staff, extra: extra), file: "s.yaml")
        let s1 = scenario.staff[StaffID("s1")]!, f1 = scenario.staff[StaffID("f1")]!, a1 = scenario.staff[StaffID("a1")]!
        #expect(s1.contract == .salaried && s1.hourlyWage == 21.40 && !s1.irregularAllowance)
        #expect(f1.contract == .flex && f1.contractHours == 0 && f1.maxHours == 24)
        #expect(a1.contract == .agency && a1.maxHours == 168)
        #expect(scenario.staff[StaffID("v1")]?.contract == .volunteer && scenario.staff[StaffID("v1")]?.isVolunteer == true)
        #expect(scenario.history.hoursBalance[StaffID("s1")] == -12.5)
        #expect(scenario.pay.hoursBand == 0.15 && scenario.pay.overtimePremiumPercent == 25)
        #expect(scenario.pay.allowances.preset == .caoGehandicaptenzorg && scenario.pay.allowances.bands.count == 10)
        #expect(scenario.holidays.contains(CivilDate(year: 2026, month: 12, day: 24)!))
        #expect(!scenario.holidays.contains(CivilDate(year: 2026, month: 4, day: 3)!))
        #expect(scenario.locations[LocationID("huis")]?.closedOnHolidays == true)
    }

    @Test("A flex worker with contract_hours is refused where it stands")
    func flexWithContractHours() {
        let found = issues(Self.yaml(staff: "  f1: {level: mbo2, contract: flex, contract_hours: 20, max_hours: 24}"))
        #expect(found.count == 1)
        #expect(found.first?.path == "staff.f1.contract_hours" && found.first?.location.line == 11)
        #expect(found.first?.problem.contains("flex") == true)
    }

    @Test("Bad money and calendar values: each named with its line and a hint")
    func badValues() {
        let cases: [(String, String, String)] = [
            ("  s1: {level: mbo3, contract_hours: 32, hourly_wage: -3}", "", "staff.s1.hourly_wage"),
            ("  s1: {level: mbo3, contract: permanent, contract_hours: 32}", "", "staff.s1.contract"),
            ("  s1: {level: mbo3, contract_hours: 32}", "allowances:\n  bands:\n    - {days: mon-fri, from: \"20:00\", to: \"22:00\", percent: 400}", "allowances.bands[0].percent"),
            ("  s1: {level: mbo3, contract_hours: 32}", "allowances:\n  bands:\n    - {days: mon-fri, from: \"20:00\", to: \"23:00\", percent: 22}\n    - {days: fri, from: \"22:00\", to: \"24:00\", percent: 44}", "allowances.bands[1]"),
            ("  s1: {level: mbo3, contract_hours: 32}", "allowances: {preset: cao-vvt}", "allowances.preset"),
            ("  s1: {level: mbo3, contract_hours: 32}", "holidays_add: [1500-01-01]", "holidays_add[0]"),
            ("  s1: {level: mbo3, contract_hours: 32}", "holidays: us", "holidays"),
            ("  s1: {level: mbo3, contract_hours: 32}", "settings: {hours_band: 2}", "settings.hours_band"),
            ("  s1: {level: mbo3, contract_hours: 32}", "history:\n  hours_balance: {s9: 4}", "history.hours_balance.s9"),
        ]
        for (staff, extra, path) in cases {
            let found = issues(Self.yaml(staff: staff, extra: extra))
            #expect(found.count == 1, "\(path): \(found)")
            #expect(found.first?.path == path, "\(found.first?.path ?? "none") for \(path)")
            #expect(found.first?.location.line ?? 0 > 0 && !(found.first?.hint.isEmpty ?? true))
        }
    }

    @Test("A week with a sign, or outside the years dates and holidays are computed for, is refused where it stands")
    func weeksOutOfRange() {
        for week in ["-2026-W12", "0000-W01", "0001-W01", "1899-W52", "3000-W01", "9999-W52", "+2026-W12", "2026-W1", "2026-W012"] {
            let found = issues(Self.yaml().replacingOccurrences(of: "week: 2026-W12", with: "week: \(week)"))
            #expect(found.count == 1 && found.first?.path == "week" && found.first?.location.line == 2, "\(week): \(found)")
        }
        for week in ["1900-W01", "2999-W52"] {
            #expect(issues(Self.yaml().replacingOccurrences(of: "week: 2026-W12", with: "week: \(week)")).isEmpty, "\(week)")
        }
        // The whole period inside the years: two weeks from 2999-W52 run into 3000.
        let late = issues(Self.yaml().replacingOccurrences(of: "week: 2026-W12", with: "week: 2999-W52\nweeks: 2"))
        #expect(late.count == 1 && late.first?.path == "weeks", "\(late)")
    }
}
