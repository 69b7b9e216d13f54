import CareDomain
import Foundation

/// `report.html`: the week on one self-contained page (no network, fonts or scripts), for the
/// screen and for A4 landscape paper. Grids per location and per person, a view per client,
/// uncovered care with its reasons, the capacity gap as SVG bars, and the run's key figures.
public enum RosterReport {
    public static func html(scenario: Scenario, roster: Roster, summary: RunSummary, hires: HirePlan,
                            language: ReportLanguage = .nl, changes: [RosterChange]? = nil, sessions: [SessionStaffing] = []) -> String {
        let text = ReportLabels(language: language)
        var page = Page()
        page.add("<header><h1>\(text["Weekrooster"]) · \(escaped(scenario.name))</h1><p>\(text["Week"]) \(scenario.week)</p></header>")
        page.add(keyFigures(summary, hires: hires, text: text))
        if let changes { page.add(changeTable(changes, scenario: scenario, text: text)) }
        page.add(legend(text))
        let changed = Set((changes ?? []).filter { !$0.after.isEmpty }.map { "\($0.staff)|\($0.interval.start)" })
        page.add(locationGrids(scenario: scenario, roster: roster, text: text, changed: changed, sessions: sessions))
        page.add(personGrid(scenario: scenario, roster: roster, text: text))
        page.add(clientTable(scenario: scenario, roster: roster, text: text))
        page.add(uncoveredTable(scenario: scenario, roster: roster, text: text))
        page.add(preferences(scenario: scenario, roster: roster, text: text))
        page.add(hoursAndMoney(summary, people: PayrollSummary.people([(roster, scenario)]), scenario: scenario, text: text))
        page.add(CapacityChart.section(hires: hires, scale: scenario.scale, text: text))
        return page.document(title: "\(text["Weekrooster"]) \(scenario.name) \(scenario.week)", language: text.htmlLanguage)
    }

    /// One week of a period, for `periodHTML`.
    public struct PeriodWeek: Sendable {
        public let scenario: Scenario
        public let roster: Roster
        public let summary: RunSummary
        public let hires: HirePlan
        public let sessions: [SessionStaffing]

        public init(scenario: Scenario, roster: Roster, summary: RunSummary, hires: HirePlan, sessions: [SessionStaffing] = []) {
            self.scenario = scenario
            self.roster = roster
            self.summary = summary
            self.hires = hires
            self.sessions = sessions
        }
    }

    /// The report of a period of several weeks: the period's key figures, a week selector, and
    /// each week's board as a section of its own.
    public static func periodHTML(_ weeks: [PeriodWeek], period: RunSummary, periodHires: HirePlan,
                                  language: ReportLanguage = .nl, changes: [[RosterChange]]? = nil) -> String {
        let text = ReportLabels(language: language)
        guard let first = weeks.first, let last = weeks.last else { return "" }
        var page = Page()
        page.add("<header><h1>\(text["Weekrooster"]) · \(escaped(first.scenario.name))</h1><p>\(text["Week"]) \(first.scenario.week) – \(last.scenario.week)</p></header>")
        page.add(keyFigures(period, hires: periodHires, text: text))
        page.add("<nav class=\"weeks\">" + weeks.map { "<a href=\"#\(anchor($0.scenario.week))\">\(text["Week"]) \($0.scenario.week)</a>" }.joined(separator: " · ") + "</nav>")
        page.add(legend(text))
        // The same faces over the whole period: every week's rows together (client ids hold).
        let all = Roster(assignments: weeks.flatMap(\.roster.assignments), uncovered: [])
        page.add(faces(scenario: first.scenario, roster: all, text: text, title: "Vaste gezichten in de periode"))
        page.add(hoursAndMoney(period, people: PayrollSummary.people(weeks.map { ($0.roster, $0.scenario) }), scenario: first.scenario, text: text))
        for (index, week) in weeks.enumerated() {
            page.add("<section class=\"week\" id=\"\(anchor(week.scenario.week))\"><h2>\(text["Week"]) \(week.scenario.week)</h2>")
            page.add(keyFigures(week.summary, hires: week.hires, text: text))
            let weekChanges = changes.flatMap { index < $0.count ? $0[index] : nil }
            if let weekChanges { page.add(changeTable(weekChanges, scenario: week.scenario, text: text)) }
            let changed = Set((weekChanges ?? []).filter { !$0.after.isEmpty }.map { "\($0.staff)|\($0.interval.start)" })
            page.add(locationGrids(scenario: week.scenario, roster: week.roster, text: text, changed: changed, sessions: week.sessions))
            page.add(personGrid(scenario: week.scenario, roster: week.roster, text: text))
            page.add(clientTable(scenario: week.scenario, roster: week.roster, text: text))
            page.add(uncoveredTable(scenario: week.scenario, roster: week.roster, text: text))
            page.add(preferences(scenario: week.scenario, roster: week.roster, text: text))
            page.add(CapacityChart.section(hires: week.hires, scale: week.scenario.scale, text: text))
            page.add("</section>")
        }
        return page.document(title: "\(text["Weekrooster"]) \(first.scenario.name) \(first.scenario.week)–\(last.scenario.week)", language: text.htmlLanguage)
    }

    static func anchor(_ week: PlanningWeek) -> String { "week-\(week)" }

    // MARK: sections

    static func keyFigures(_ summary: RunSummary, hires: HirePlan, text: ReportLabels) -> String {
        let figures: [(String, String)] = [
            (text["Status"], text.language.outcome(status: summary.status, gap: summary.gap, seconds: summary.solveSeconds)),
            (text["Dekking"], String(format: "%.1f%%", summary.coverage * 100)),
            (text["Ingeroosterd"], String(format: "%.1f ", summary.assignedHours) + text["uur"]),
            (text["Inzetbaar, niet ingezet"], String(format: "%.1f ", summary.unusedContractHours) + text["uur"]),
            (text["Niet gedekt"], String(format: "%.1f ", summary.uncoveredHours) + text["uur"]),
            (text["Totale kosten"], String(format: "€ %.2f", summary.totalCost)),
            (text["Extra uitgaven totaal"], String(format: "€ %.2f", summary.pay.extraSpend)),
            (text["FTE tekort"], String(format: "%.2f", summary.fteGap)),
            (text["Werving"], String(format: "%.1f ", hires.hours) + text["uur"] + String(format: " · € %.2f", hires.cost)),
            (text["waarvan invallers (afwezigheid)"], String(format: "%.1f ", hires.standInHours) + text["uur"]),
        ]
        let note = TerminalSummary.hireNote(hires, language: text.language).map { "<p class=\"note\">\(escaped($0))</p>" } ?? ""
        // The gap in the details under the status, not in it (a loose bound is no bad roster).
        let detail = "<p class=\"detail\">\(escaped(text.language.outcomeDetail(status: summary.status, gap: summary.gap)))</p>"
        return "<section class=\"kpis\"><h2>\(text["Kerncijfers"])</h2><dl>"
            + figures.map { "<div><dt>\(escaped($0.0))</dt><dd>\(escaped($0.1))</dd></div>" }.joined() + "</dl>\(detail)\(note)</section>"
    }

    /// The cost block (payroll, extra spend by kind, hires, total) and each paid person's hours
    /// against contract with the balance before and after (SCENARIO.md 1.2).
    static func hoursAndMoney(_ summary: RunSummary, people: [PersonHours], scenario: Scenario, text: ReportLabels) -> String {
        let pay = summary.pay
        func euros(_ value: Double) -> String { String(format: "€ %.2f", value) }
        func hours(_ value: Double) -> String { String(format: "%.1f", value) }
        let costs: [(String, String)] = [
            (text["Loonsom (contracturen)"], euros(pay.payroll)),
            (text["Extra uitgaven"] + ": " + text["flex"], euros(pay.flex)),
            (text["Extra uitgaven"] + ": " + text["uitzend"], euros(pay.agency)),
            (text["Extra uitgaven"] + ": " + text["meeruren"], euros(pay.overtime)),
            (text["Extra uitgaven"] + ": " + text["toeslagen onregelmatigheid"], euros(pay.allowances)),
            (text["Werving (advies)"], euros(summary.hireCost)),
            (text["Totaal"], euros(summary.totalCost)),
        ]
        var html = "<section class=\"break\"><h2>\(text["Uren en geld"])</h2><table class=\"list money\"><tbody>"
        html += costs.map { "<tr><th>\(escaped($0.0))</th><td class=\"number\">\(escaped($0.1))</td></tr>" }.joined() + "</tbody></table>"
        let names = StaffNames(scenario)
        let kinds: [ContractKind: String] = [.salaried: text["vast"], .flex: text["oproep"], .agency: text["uitzendkracht"], .volunteer: text["vrijwilliger"]]
        html += "<table class=\"list\"><thead><tr>" + [text["Medewerker"], text["Contract"], text["Contracturen"], text["Saldo voor"], text["Ingeroosterd"],
                                                      text["Saldo na"], text["Binnen band"], text["Toeslaguren"], text["Toeslag"], text["Extra"]]
            .map { "<th>\(escaped($0))</th>" }.joined() + "</tr></thead><tbody>"
        for person in people {
            let salaried = person.contract == .salaried
            let cells = [names.callName(person.staff), kinds[person.contract] ?? "", salaried ? hours(person.contractHours) : "",
                         salaried ? hours(person.balanceBefore) : "", hours(person.rosteredHours), salaried ? hours(person.balanceAfter) : "",
                         salaried ? (person.withinBand ? text["ja"] : text["nee"]) : "", hours(person.allowanceHours),
                         euros(person.allowanceCost), euros(person.extraCost)]
            html += "<tr>" + cells.enumerated().map { $0.offset == 0 ? "<td>\(escaped($0.element))</td>" : "<td class=\"number\">\(escaped($0.element))</td>" }.joined() + "</tr>"
        }
        return html + "</tbody></table></section>"
    }

    static func legend(_ text: ReportLabels) -> String {
        let items = [("group", text["groep"]), ("visit", text["bezoek"]), ("evaluation", text["evaluatie"]),
                     ("appointment", text["overleg"]), ("volunteer", text["vrijwilliger"]), ("short", text["Niet gedekt"])]
        return "<p class=\"legend\">\(text["Legenda"]): " + items.map { "<span class=\"chip \($0.0)\">\(escaped($0.1))</span>" }.joined(separator: " ") + "</p>"
    }

    /// Per location a grid: a row per session name, a column per day, the people in each cell.
    static func locationGrids(scenario: Scenario, roster: Roster, text: ReportLabels, changed: Set<String> = [],
                              sessions: [SessionStaffing] = []) -> String {
        let names = StaffNames(scenario)
        let figures = Dictionary(sessions.map { (GroupSessionID(location: $0.location, slot: $0.slot), $0) }, uniquingKeysWith: { first, _ in first })
        var html = "<section><h2>\(text["Per locatie"])</h2>"
        // Each cell's rows found by key, not by a pass over the whole roster (a region's week has
        // thousands of cells and rows).
        func key(_ location: LocationID?, _ ref: String, _ start: Int) -> String {
            "\(location?.rawValue ?? "")|\(ref)|\(scenario.week.date(atMinute: start).weekday.rawValue)"
        }
        let workAt = Dictionary(grouping: roster.assignments.filter { $0.activity == .group }) { key($0.location, $0.ref, $0.interval.start) }
        let shortAt = Dictionary(grouping: roster.uncovered.filter { $0.activity == .group && $0.interval != nil }) { key($0.location, $0.ref, $0.interval!.start) }
        for location in scenario.locations.values.sorted(by: { $0.id < $1.id }) where !location.sessions.isEmpty {
            html += "<h3>\(escaped(location.name))</h3><table class=\"grid\"><thead><tr><th>\(text["Sessie"])</th>"
                + (0..<7).map { "<th>\(text.day($0))</th>" }.joined() + "</tr></thead><tbody>"
            for template in location.sessions {
                html += "<tr><th>\(escaped(template.name))<br><small>\(ClockTime.text(template.window.from))–\(ClockTime.text(template.window.to))</small></th>"
                for day in Weekday.allCases {
                    guard template.window.days.contains(day) else { html += "<td class=\"closed\"></td>"; continue }
                    let cell = "\(location.id)|\(template.name)|\(day.rawValue)"
                    let work = workAt[cell] ?? []
                    let short = shortAt[cell] ?? []
                    let these = figures[GroupSessionID(location: location.id, slot: SessionSlot(day: day, name: template.name))]
                    // Where the cell is, for the planning board's drag and drop (the report itself ignores it).
                    let place = "data-location=\"\(escaped(location.id.rawValue))\" data-session=\"\(escaped(template.name))\" data-date=\"\(scenario.week.date(of: day))\""
                    html += "<td \(place)>" + (these.map { sessionFigures($0, shortRows: short.count, text: text) } ?? "")
                        + work.map { chip(for: $0, scenario: scenario, changed: changed.contains("\($0.staff)|\($0.interval.start)"),
                                          brings: brought(these, $0.staff, text: text)) }.joined()
                        + short.map { "<span class=\"chip short\" title=\"\(escaped($0.reason.text(in: text.language, names: names)))\">\(escaped($0.need.text(in: text.language)))</span>" }.joined() + "</td>"
                }
                html += "</tr>"
            }
            html += "</tbody></table>"
        }
        return html + "</section>"
    }

    /// A row per person with work, a column per day, each activity with its times.
    static func personGrid(scenario: Scenario, roster: Roster, text: ReportLabels) -> String {
        var html = "<section class=\"break\"><h2>\(text["Per medewerker"])</h2><table class=\"grid people\"><thead><tr><th>\(text["Medewerker"])</th><th>\(text["Niveau"])</th>"
            + (0..<7).map { "<th>\(text.day($0))</th>" }.joined() + "<th>\(text["Uren / contract"])</th></tr></thead><tbody>"
        let byStaff = Dictionary(grouping: roster.assignments) { $0.staff }
        // Hours are working time: breaks out, sleep with its factor, coordination in.
        let working = scenario.workingMinutes(of: roster)
        for person in scenario.sortedStaff {
            let work = (byStaff[person.id] ?? []).sorted()
            let absent = Weekday.allCases.filter { person.absent.contains(scenario.week.date(of: $0)) }
            // Everyone with a contract is listed: hours left unused are a fact to see, absences too.
            guard !work.isEmpty || !absent.isEmpty || person.contractHours > 0 else { continue }
            html += "<tr><th>\(escaped(person.name))</th><td>\(person.isVolunteer ? text["vrijwilliger"] : escaped(person.level.name))</td>"
            for day in Weekday.allCases {
                let today = work.filter { scenario.week.date(atMinute: $0.interval.start).weekday == day }
                // Visits and other work in the order of the day, the travel between areas shown.
                // Where the cell and its client work are, for the planning board's drag and drop.
                html += "<td data-person=\"\(escaped(person.id.rawValue))\" data-date=\"\(scenario.week.date(of: day))\">" + today.enumerated().map { index, item in
                    let travel = index > 0 ? travelNote(from: today[index - 1], to: item, scenario: scenario, text: text) : ""
                    return travel + "<span class=\"chip \(cssClass(item))\"\(workPlace(item, scenario: scenario))>\(ClockTime.text(item.interval.start))–\(ClockTime.text(item.interval.end)) \(escaped(place(item, scenario: scenario, text: text)))</span>"
                }.joined() + (absent.contains(day) && today.isEmpty ? "<span class=\"chip absent\">\(text["afwezig"])</span>" : "") + "</td>"
            }
            let hours = Double(working[person.id] ?? 0) / 60
            let below = !person.isVolunteer && hours + 1e-9 < person.contractHours
            html += "<td class=\"number\(below ? " unused" : "")\">" + String(format: "%.1f / %.1f", hours, person.contractHours) + "</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// A row per client: product, responsible professional and what is planned for them.
    static func clientTable(scenario: Scenario, roster: Roster, text: ReportLabels) -> String {
        var html = "<section class=\"break\"><h2>\(text["Per cliënt"])</h2><table class=\"list\"><thead><tr><th>\(text["Cliënt"])</th><th>\(text["Product"])</th><th>\(text["Eindverantwoordelijke"])</th><th>\(text["Gepland"])</th><th>\(text["Niet gedekt"])</th></tr></thead><tbody>"
        let responsible = Dictionary(roster.responsibilities.map { ($0.client, $0.staff) }, uniquingKeysWith: { first, _ in first })
        // Indexed once: a region's week has thousands of clients and rows.
        var byClient: [ClientID: [RosterAssignment]] = [:]
        for item in roster.assignments { for client in item.clients { byClient[client, default: []].append(item) } }
        var shortByClient: [ClientID: [UncoveredDemand]] = [:]
        for row in roster.uncovered {
            for client in Set([row.client].compactMap { $0 } + row.clientsPresent) { shortByClient[client, default: []].append(row) }
        }
        for client in scenario.sortedClients {
            let planned = (byClient[client.id] ?? []).sorted()
            // A group session lists every person present; the client sees the session once.
            var seen = Set<String>()
            let moments = planned.compactMap { item -> String? in
                let key = "\(item.interval.start) \(item.location?.rawValue ?? "") \(item.ref)"
                guard seen.insert(key).inserted else { return nil }
                let day = text.day(scenario.week.date(atMinute: item.interval.start).weekday.rawValue)
                return "<span class=\"chip \(cssClass(item))\">\(day) \(ClockTime.text(item.interval.start)) \(escaped(place(item, scenario: scenario, text: text)))</span>"
            }
            let short = shortByClient[client.id] ?? []
            // Around the clock a client meets every shift of the week: the faces say more than
            // twenty-one chips (24-hour care's "vaste gezichten"), most often seen first.
            var shown = moments.joined()
            if moments.count > 10 {
                let faces = Dictionary(grouping: planned.filter { $0.role != .volunteer }, by: \.staff).mapValues(\.count)
                    .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
                shown = "<small>\(moments.count) \(text["momenten"]) · \(faces.count) \(text["gezichten"]):</small> "
                    + faces.map { "<span class=\"chip group\">\(escaped(scenario.staff[$0.key]?.name ?? $0.key.rawValue)) ×\($0.value)</span>" }.joined()
            }
            html += "<tr><th>\(escaped(client.id.rawValue))</th><td>\(escaped(scenario.products[client.product]?.name ?? client.product.rawValue))</td>"
                + "<td>\(escaped(responsible[client.id].flatMap { scenario.staff[$0]?.name } ?? ""))</td><td>\(shown)</td>"
                + "<td>\(short.isEmpty ? "" : "<span class=\"chip short\">\(short.count)</span>")</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    static func uncoveredTable(scenario: Scenario, roster: Roster, text: ReportLabels) -> String {
        var html = "<section class=\"break\"><h2>\(text["Niet gedekte zorg"])</h2>"
        guard !roster.uncovered.isEmpty else { return html + "<p>\(text["Alles gedekt: elke regel is nagekomen."])</p></section>" }
        let names = StaffNames(scenario)
        html += "<table class=\"list uncovered\"><thead><tr><th>\(text["Wanneer"])</th><th>\(text["Sessie"])</th><th>\(text["Wat ontbreekt"])</th><th>\(text["Uren"])</th><th>\(text["Waarom"])</th></tr></thead><tbody>"
        for row in roster.uncovered.sorted() {
            let when = row.interval.map { interval in
                "\(text.day(scenario.week.date(atMinute: interval.start).weekday.rawValue)) \(ClockTime.text(interval.start))–\(ClockTime.text(interval.end))"
            } ?? text["deze week"]
            let place = [row.location?.rawValue, row.ref.isEmpty ? nil : row.ref, row.client?.rawValue].compactMap { $0 }.joined(separator: " ")
            // An open visit or evaluation, for the planning board's "who can take this?" (its week's Monday where it has no time).
            let open = (row.activity == .visit || row.activity == .evaluation) ? row.client.map { client in
                " data-activity=\"\(row.activity.rawValue)\" data-client=\"\(escaped(client.rawValue))\" data-date=\"\(row.interval.map { scenario.week.date(atMinute: $0.start) } ?? scenario.week.monday)\""
            } ?? "" : ""
            html += "<tr\(open)><td>\(when)</td><td>\(escaped(place))</td><td>\(escaped(row.need.text(in: text.language)))</td><td class=\"number\">\(String(format: "%.1f", row.hours))</td><td>\(escaped(row.reason.text(in: text.language, names: names)))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// Wishes not met per person, the fair shares of `settings.fairness`, and per client with
    /// key workers how many different people worked their sessions (SCENARIO.md 1.1). Empty
    /// when the scenario asks none of it.
    static func preferences(scenario: Scenario, roster: Roster, text: ReportLabels) -> String {
        var html = ""
        let wishes = RosterPreferences.wishes(scenario, roster: roster)
        if !wishes.isEmpty {
            let unmet = wishes.filter { !$0.met }
            html += "<section class=\"break\"><h2>\(text["Wensen"])</h2><p>\(wishes.count - unmet.count) / \(wishes.count) \(text["wensen nagekomen"])</p>"
            if !unmet.isEmpty {
                html += "<table class=\"list\"><thead><tr><th>\(text["Medewerker"])</th><th>\(text["Wanneer"])</th><th>\(text["Wens"])</th><th>\(text["Gewicht"])</th></tr></thead><tbody>"
                for item in unmet {
                    let name = scenario.staff[item.staff]?.name ?? item.staff.rawValue
                    html += "<tr><td>\(escaped(name))</td><td>\(item.date)</td><td>\(escaped(item.wish.words(in: text.language)))</td><td class=\"number\">\(item.wish.weight)</td></tr>"
                }
                html += "</tbody></table>"
            }
            html += "</section>"
        }
        let fairness = RosterPreferences.fairness(scenario, roster: roster)
        if !fairness.isEmpty {
            html += "<section class=\"break\"><h2>\(text["Eerlijke verdeling"])</h2><table class=\"list\"><thead><tr><th>\(text["Medewerker"])</th>"
            // A measure no session of the plan counts is no column of blanks: it is said instead.
            let counted = Set(scenario.groupSessions.flatMap { session in FairnessMeasure.allCases.filter { $0.counts(session) } })
            let measures = fairness.keys.filter(counted.contains).sorted { $0.rawValue < $1.rawValue }
            let names: [FairnessMeasure: String] = [.weekends: "weekenddiensten", .nights: "nachtdiensten", .evenings: "avonddiensten",
                                                    .sleepingNights: "slaapdiensten"]
            for measure in fairness.keys.filter({ !counted.contains($0) }).sorted(by: { $0.rawValue < $1.rawValue }) {
                html += "<p class=\"note\">\(text["Geen sessies van deze soort in dit rooster"]): \(text[names[measure] ?? measure.rawValue])"
                    + (measure == .nights && counted.contains(.sleepingNights) ? " (\(text["slaapdiensten tellen met sleeping_nights"]))" : "") + "</p>"
            }
            for measure in measures { html += "<th>\(text[names[measure] ?? measure.rawValue])</th><th>\(text["eerlijk deel"])</th><th>\(text["afwijking"])</th>" }
            html += "</tr></thead><tbody>"
            let people = Set(fairness.values.flatMap { $0.map(\.staff) }).sorted()
            for person in people {
                html += "<tr><td>\(escaped(scenario.staff[person]?.name ?? person.rawValue))</td>"
                for measure in measures {
                    let share = fairness[measure]?.first { $0.staff == person }
                    html += "<td class=\"number\">\(share.map { String(format: "%.0f", $0.count) } ?? "")</td><td class=\"number\">\(share.map { String(format: "%.1f", $0.share) } ?? "")</td>"
                        + "<td class=\"number\">\(share.map { String(format: "%+.1f", $0.count - $0.share) } ?? "")</td>"
                }
                html += "</tr>"
            }
            html += "</tbody></table></section>"
        }
        if scenario.clients.values.contains(where: { !$0.keyWorkers.isEmpty }) {
            html += faces(scenario: scenario, roster: roster, text: text)
        }
        return html
    }

    /// Per group client, how many different professionals worked their sessions, and how many of
    /// them are the client's key workers: the same faces, compact (one row per client).
    static func faces(scenario: Scenario, roster: Roster, text: ReportLabels, title: String = "Vaste gezichten") -> String {
        let faces = RosterPreferences.facesPerClient(roster)
        let clients = scenario.sortedClients.filter { $0.location != nil }
        guard !clients.isEmpty else { return "" }
        var html = "<section class=\"break\"><h2>\(text[title])</h2><table class=\"list\"><thead><tr><th>\(text["Cliënt"])</th><th>\(text["verschillende medewerkers"])</th><th>\(text["waarvan vaste"])</th></tr></thead><tbody>"
        for client in clients {
            let seen = faces[client.id] ?? []
            let keyed = client.keyWorkers.isEmpty ? "–" : String(seen.filter(client.keyWorkers.contains).count)
            html += "<tr><td>\(escaped(client.id.rawValue))</td><td class=\"number\">\(seen.count)</td><td class=\"number\">\(keyed)</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    /// A re-plan's changes (`replan`): who was moved where, the new work marked in the grids.
    static func changeTable(_ changes: [RosterChange], scenario: Scenario, text: ReportLabels) -> String {
        var html = "<section><h2>\(text["Wijzigingen"])</h2>"
        guard !changes.isEmpty else { return html + "<p>\(text["Niets gewijzigd."])</p></section>" }
        html += "<table class=\"list\"><thead><tr><th>\(text["Wanneer"])</th><th>\(text["Medewerker"])</th><th>\(text["Was"])</th><th>\(text["Wordt"])</th></tr></thead><tbody>"
        for change in changes {
            let when = "\(text.day(scenario.week.date(atMinute: change.interval.start).weekday.rawValue)) \(ClockTime.text(change.interval.start))–\(ClockTime.text(change.interval.end))"
            // A client moved between sessions has no person; the client is named instead.
            let who = change.staff.rawValue.isEmpty ? "\(text["Cliënt"]) \(change.client?.rawValue ?? "")"
                : (scenario.staff[change.staff]?.name ?? change.staff.rawValue) + (change.client.map { " (\($0))" } ?? "")
            html += "<tr><td>\(when)</td><td>\(escaped(who))</td><td>\(escaped(change.before))</td><td>\(escaped(change.after))</td></tr>"
        }
        return html + "</tbody></table></section>"
    }

    // MARK: pieces

    /// "→ 20 min" between two pieces of a day's work in different areas (the travel table's time).
    static func travelNote(from earlier: RosterAssignment, to later: RosterAssignment, scenario: Scenario, text: ReportLabels) -> String {
        guard let from = earlier.area, let to = later.area, from != to else { return "" }
        let minutes = scenario.travel.minutes(from: from, to: to)
        return minutes > 0 ? "<small class=\"travel\">→ \(minutes) \(text["min reizen"])</small> " : ""
    }

    /// A session's head line: clients present and counted professionals asked ("14 cl. · 3 + lead"),
    /// marked short when the roster lacks any of it, surplus when more are rostered than asked.
    static func sessionFigures(_ figures: SessionStaffing, shortRows: Int, text: ReportLabels) -> String {
        let lead = figures.lead.map { " + \(text["lead"]) \(escaped($0.name))" } ?? ""
        // "+N" only for people who meet no need there (a second person with the only
        // `medicatie` is needed, not surplus).
        let extra = figures.surplus
        let state = shortRows > 0 ? " short" : extra > 0 ? " surplus" : ""
        let mark = shortRows > 0 ? " ✗" : extra > 0 ? " +\(extra)" : ""
        let title = String(format: text["%d cliënten aanwezig; %d professionals gevraagd; %d ingeroosterd"], figures.clientsPresent,
                           figures.requiredProfessionals, figures.rosteredProfessionals)
        return "<div class=\"need\(state)\" title=\"\(escaped(title))\">\(figures.clientsPresent) \(text["cl."]) · \(figures.requiredProfessionals)\(lead)\(mark)</div>"
    }

    /// What only `staff` brings to a session, in words: the needed skills, and the lead level ("mbo4 in de dienst").
    static func brought(_ figures: SessionStaffing?, _ staff: StaffID, text: ReportLabels) -> String? {
        guard let figures else { return nil }
        // The lead is the provider's own choice (`lead_level`), not end responsibility: "mbo4 in de dienst".
        let lead = figures.bringsLead.contains(staff) ? figures.lead.map { "\($0.name) \(text["in de dienst"])" } : nil
        let parts = [figures.brings[staff], lead].compactMap { $0 }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    /// A person in a session; `brings`: what only they bring there (a needed skill, the lead).
    static func chip(for item: RosterAssignment, scenario: Scenario, changed: Bool = false, brings: String? = nil) -> String {
        let person = scenario.staff[item.staff]
        let level = person.map { $0.isVolunteer ? "" : " <small>\(escaped($0.level.name))</small>" } ?? ""
        let bringing = brings.map { " <small>· \(escaped($0))</small>" } ?? ""
        return "<span class=\"chip \(cssClass(item))\(changed ? " changed" : "")\" data-staff=\"\(escaped(item.staff.rawValue))\">\(escaped(person?.name ?? item.staff.rawValue))\(level)\(bringing)</span>"
    }

    /// A visit's, evaluation's or appointment seat's attributes for the planning board (whose,
    /// what, when); none for other work.
    static func workPlace(_ item: RosterAssignment, scenario: Scenario) -> String {
        guard [.visit, .evaluation, .appointment].contains(item.activity) else { return "" }
        let what = item.activity == .appointment ? " data-appointment=\"\(escaped(item.ref))\"" : " data-client=\"\(escaped(item.clients.first?.rawValue ?? ""))\""
        return " data-staff=\"\(escaped(item.staff.rawValue))\" data-activity=\"\(item.activity.rawValue)\"\(what)"
            + " data-date=\"\(scenario.week.date(atMinute: item.interval.start))\" data-start=\"\(ClockTime.text(item.interval.start))\""
    }

    static func cssClass(_ item: RosterAssignment) -> String {
        item.role == .volunteer ? "volunteer" : item.activity.rawValue
    }

    static func place(_ item: RosterAssignment, scenario: Scenario, text: ReportLabels? = nil) -> String {
        switch item.activity {
        case .group: return "\(item.location.flatMap { scenario.locations[$0]?.name } ?? "") \(item.ref)"
        case .appointment: return item.ref
        case .evaluation:
            // An overdue evaluation says so (SCENARIO.md 1.2), as its ref in roster.csv does.
            let clients = item.clients.map(\.rawValue).joined(separator: ", ")
            let overdue = item.ref.hasSuffix("overdue") ? " " + (text?["te laat"] ?? "overdue") : ""
            return "\(clients) \(text?["evaluatie"] ?? "evaluation")\(overdue)"
        default: return item.clients.map(\.rawValue).joined(separator: ", ")
        }
    }

    public static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }
}

/// The page's frame: one style sheet inline, nothing loaded from elsewhere.
struct Page {
    private var body: [String] = []

    mutating func add(_ html: String) { body.append(html) }

    func document(title: String, language: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="\(language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(RosterReport.escaped(title))</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let style = """
    @page { size: A4 landscape; margin: 10mm; }
    body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; font-size: 12px; color: #1d2733; margin: 16px; }
    h1 { font-size: 20px; margin: 0; } h2 { font-size: 16px; margin: 18px 0 6px; border-bottom: 2px solid #2f6f8f; } h3 { font-size: 13px; margin: 10px 0 4px; }
    header p { margin: 2px 0 8px; color: #51606f; }
    .kpis dl { display: flex; flex-wrap: wrap; gap: 8px; margin: 0; }
    .kpis dl div { background: #eef4f8; border-radius: 4px; padding: 6px 10px; }
    .kpis dt { font-size: 10px; color: #51606f; } .kpis dd { margin: 0; font-size: 14px; font-weight: 600; }
    .kpis .detail { font-size: 10px; color: #51606f; margin: 4px 0 0; }
    table { border-collapse: collapse; width: 100%; page-break-inside: auto; } tr { page-break-inside: avoid; }
    th, td { border: 1px solid #c9d3dc; padding: 3px 4px; vertical-align: top; text-align: left; }
    thead th { background: #2f6f8f; color: white; }
    .grid { table-layout: fixed; } .grid td, .grid th { overflow-wrap: anywhere; } .closed { background: #f1f1f1; }
    .grid .chip, .people .chip { white-space: normal; max-width: 100%; box-sizing: border-box; }
    .grid thead th:first-child { width: 12%; }
    .number { text-align: right; white-space: nowrap; }
    .chip { display: inline-block; border-radius: 3px; padding: 1px 4px; margin: 1px; white-space: nowrap; }
    .chip small { opacity: 0.75; }
    .chip.changed { outline: 2px solid #d97706; }
    .group { background: #cfe6f5; } .visit { background: #d4efd8; } .evaluation { background: #efe3c4; }
    .appointment { background: #e4d6f2; } .coordination { background: #e6e6e6; } .volunteer { background: #f4e0ec; }
    .short { background: #c62828; color: white; font-weight: 600; }
    .need { font-size: 11px; color: #51606f; margin-bottom: 2px; } .need.short { color: white; border-radius: 3px; padding: 0 3px; }
    .need.surplus { background: #fff3cd; border-radius: 3px; padding: 0 3px; }
    .absent { background: #eeeeee; color: #6b7280; font-style: italic; } .unused { color: #b45309; }
    .uncovered td:first-child { white-space: nowrap; } .uncovered tr { background: #fdecea; }
    .legend .chip { font-size: 11px; }
    svg text { font-family: inherit; font-size: 10px; }
    @media print { body { margin: 0; } .break { page-break-before: always; } thead { display: table-header-group; } }
    """
}
