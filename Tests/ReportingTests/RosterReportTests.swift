import CareDomain
import Reporting
import Testing

/// report.html's text: self-contained, in Dutch by default and English on request.
@Suite("Roster report")
struct RosterReportTests {
    static let summary = RunSummary(status: "optimal", objective: 1, bestBound: 1, gap: 0, solveSeconds: 0.1, coverage: 0.5,
                                    assignedHours: 8, uncoveredHours: 3.5, cost: 100, fteGap: 0.1)
    static let short = UncoveredDemand(interval: WeekInterval(start: 540, end: 750), activity: .group, location: LocationID("huis"),
                                       client: nil, product: ProductID("dag"), need: .described("1 professional (mbo2 or higher)"), kind: .staffing,
                                       hours: 3.5, reason: ShortfallReason(summary: "of 1 qualified: s1: <absent>"), ref: "nacht", clientsPresent: [ClientID("c1")])

    func page(_ language: ReportLanguage) -> String {
        let roster = Roster(assignments: [PersonCalendarTests.night], uncovered: [Self.short])
        return RosterReport.html(scenario: PersonCalendarTests.scenario, roster: roster, summary: Self.summary, hires: .none, language: language)
    }

    @Test("nothing is loaded from elsewhere: no scripts, no links, no external images or fonts")
    func selfContained() {
        let html = page(.nl)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<link"))
        #expect(!html.contains("src="))
        #expect(!html.contains("url("))
        #expect(html.contains("@page { size: A4 landscape"))
    }

    @Test("Dutch by default, English with --lang en; the person's grid and the escaped reason are there")
    func languages() {
        let dutch = page(.nl), english = page(.en)
        #expect(dutch.contains("<html lang=\"nl\">") && dutch.contains("<h2>Per medewerker</h2>") && dutch.contains("<th>za</th>"))
        #expect(english.contains("<html lang=\"en\">") && english.contains("<h2>Per person</h2>") && english.contains("<th>Sat</th>"))
        #expect(dutch.contains("Anouk de Vries <small>mbo3</small>"))
        #expect(dutch.contains("s1: &lt;absent&gt;"))
        #expect(dutch.contains("<h2>Niet gedekte zorg</h2>") && english.contains("<h2>Uncovered care</h2>"))
    }
}
