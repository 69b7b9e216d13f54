import ArgumentParser
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter scenario to edit: one day-care location, a home-care product, staff and clients.",
        discussion: """
            Example:
              zorgrooster init mijn-week.yaml && zorgrooster solve mijn-week.yaml --out out/mijn-week
            """)

    @Argument(help: "Where to write the scenario.")
    var path = "scenario.yaml"

    @Flag(name: .long, help: "Overwrite the file if it exists.")
    var force = false

    func run() throws {
        // --force replaces a scenario file, never a device, a pipe, a folder or what a link points
        // to (run as root, `init /dev/null --force` would otherwise replace the system's /dev/null).
        if let kind = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType {
            guard kind == .typeRegular else {
                printError("\(path) is not a regular file (\(kind == .typeDirectory ? "a folder" : kind == .typeSymbolicLink ? "a link" : "a device or pipe")); init writes only new files or replaces scenario files; choose another name")
                throw ExitCode(2)
            }
            guard force else {
                printError("\(path) exists; choose another name or add --force to overwrite it")
                throw ExitCode(2)
            }
        }
        let target = URL(fileURLWithPath: path)
        try write([target.lastPathComponent: StarterScenario.text], to: target.deletingLastPathComponent().path, single: true)
        print("wrote \(path); next: zorgrooster validate \(path), then zorgrooster solve \(path) --out out")
    }
}

/// The scenario `init` writes: every section once, with what each field means.
enum StarterScenario {
    static let text = """
    # A starter week for zorgrooster. Edit it, then:
    #   zorgrooster validate scenario.yaml      (every problem at once, with line numbers)
    #   zorgrooster solve scenario.yaml --out out
    # The full format: docs/SCENARIO.md (the contract) and docs/scenario-format.md.
    version: 1
    name: "Mijn eerste week"
    week: 2026-W12                  # the ISO week to plan
    settings:
      time_limit_seconds: 30        # stop the search after this and keep the best roster
      fte_hours: 36                 # hours that make one FTE
      hourly_cost: {mbo2: 35, mbo4: 44, hbo: 52}   # employer cost per hour, for hiring advice
    levels: [mbo1, mbo2, mbo3, mbo4, hbo, wo]      # lowest first

    products:
      dagbesteding:
        name: Begeleiding groep
        setting: group
        ratio: 5                    # at most 5 clients per counted professional
        min_level: mbo2             # counted professionals have at least this level
        lead_level: mbo4            # someone of this level is present (end responsibility)
      thuisbegeleiding:
        name: Begeleiding individueel
        setting: ambulatory
        min_level: mbo4
        responsible_level: hbo      # each client has an HBO professional end-responsible
        coordination_minutes: 30    # their weekly time per client (counts towards hours)
        office_hours: {days: mon-fri, from: "08:30", to: "17:00"}   # visits only then

    locations:
      de-linde:
        name: De Linde
        area: "7901"                # postcode area, for travel
        capacity: 12                # most clients at once
        sessions:                   # dagdelen; each day named becomes one session
          - {name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}
          - {name: middag, days: mon-thu, from: "13:00", to: "16:30"}

    travel:
      default_minutes: 20           # between areas not in the table
      minutes: {"7901-7902": 10}

    labour_rules:
      max_shift_hours: 10           # e.g. the CAO Gehandicaptenzorg

    staff:
      s01: {name: Anouk, level: mbo4, contract_hours: 32, skills: [verzorging], hourly_cost: 42, home_area: "7901"}
      s02: {name: Bram, level: mbo2, contract_hours: 24, hourly_cost: 34, locations: [de-linde],
            wishes: [{days: [fri], session: ochtend, avoid: true, weight: 2}]}   # soft: honoured where it costs no care
      s03: {name: Chantal, level: mbo4, contract_hours: 24, hourly_cost: 43, home_area: "7902",
            available: [{days: mon-thu, from: "08:30", to: "17:00"}], absent: [2026-03-18]}   # a day off (leave, sickness)
      s04: {name: Daan, level: hbo, contract_hours: 20, hourly_cost: 52, home_area: "7902", max_caseload: 10}
      f01: {name: Eva (oproep), level: mbo2, contract: flex, min_hours: 0, max_hours: 16, hourly_cost: 33}   # paid per hour worked
      v01: {name: Marja (vrijwilliger), volunteer: true, contract_hours: 6, locations: [de-linde]}
    # Everyone with contract_hours is salaried: paid whatever the roster, so the work is spread
    # over them by contract; flex and agency people (contract: agency) work where they cannot.

    clients:
      c01: {product: dagbesteding, location: de-linde, attends: [mon ochtend, wed ochtend, fri ochtend]}
      c02: {product: dagbesteding, location: de-linde, attends: [mon ochtend, tue middag], needs: [verzorging]}
      c03: {product: dagbesteding, location: de-linde, attends_any: {count: 2, of: [tue ochtend, thu ochtend, thu middag]}}
      c04: {product: dagbesteding, location: de-linde, attends: [wed ochtend, thu middag]}
      k01: {product: thuisbegeleiding, area: "7902", visits: {count: 2, minutes: 60},
            available: [{days: mon-fri, from: "10:00", to: "16:00"}]}
      k02: {product: thuisbegeleiding, area: "7901", visits: {count: 1, minutes: 45}, max_distinct_staff: 1}

    # What-ifs for `zorgrooster compare scenario.yaml`:
    variants:
      - {name: "+50% clients", scale_clients: 1.5}
      - {name: "zonder Anouk", remove: [staff.s01]}

    """
}
