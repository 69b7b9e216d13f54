import Foundation
import Testing
import ZIPFoundation

/// What a planner publishes fits the paper: the report in Chromium and the roster workbook
/// through LibreOffice (both Debian's), A4 landscape, no grid wider than the page.
@Suite("Printing on A4")
struct PrintTests {
    static let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The page sizes of a PDF in points, one per page (`/MediaBox`).
    static func pageSizes(_ pdf: Data) -> [(width: Double, height: Double)] {
        let text = String(decoding: pdf, as: UTF8.self)
        var sizes: [(Double, Double)] = []
        var rest = text[...]
        while let found = rest.range(of: "/MediaBox") {
            rest = rest[found.upperBound...]
            guard let open = rest.firstIndex(of: "["), let close = rest.firstIndex(of: "]") else { break }
            let numbers = rest[rest.index(after: open)..<close].split(separator: " ").compactMap { Double($0) }
            if numbers.count == 4 { sizes.append((numbers[2] - numbers[0], numbers[3] - numbers[1])) }
            rest = rest[close...]
        }
        return sizes
    }

    static func isA4Landscape(_ size: (width: Double, height: Double)) -> Bool { abs(size.width - 841.9) < 2 && abs(size.height - 595.3) < 2 }

    func solve(_ scenario: String, into folder: URL, _ extra: [String] = []) throws -> String {
        let out = folder.appendingPathComponent("out").path
        let run = try CommandLineTests().zorgrooster(["solve", CommandLineTests.packageRoot.appendingPathComponent(scenario).path, "--out", out, "--quiet"] + extra)
        #expect(run.status == 0, "\(run.stderr)")
        return out
    }

    @Test("The flu week's report (red chips and all) is no wider than an A4 landscape page and prints on A4 landscape",
          .enabled(if: ReportRenderTests.chromium != nil, "headless Chromium is not installed here; skipped"))
    func reportFitsA4() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try solve("scenarios/dagbesteding-griepweek.yaml", into: folder)
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        // 277 mm of A4 landscape less its margins is 1,047 CSS pixels: what overflows it is measured.
        let probe = "<script>const r = Math.max(0, ...Array.from(document.querySelectorAll('table, svg, .chip')).map(e => Math.ceil(e.getBoundingClientRect().right)));"
            + "document.body.setAttribute('data-overflow', String(Math.max(r, document.documentElement.scrollWidth) - document.documentElement.clientWidth));</script></body>"
        let measured = folder.appendingPathComponent("measure.html").path
        try html.replacingOccurrences(of: "</body>", with: probe).write(toFile: measured, atomically: true, encoding: .utf8)
        let dom = try CommandLineTests.run(URL(fileURLWithPath: ReportRenderTests.chromium!),
                                           ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1047,740", "--dump-dom", "file://" + measured])
        let overflow = dom.stdout.range(of: "data-overflow=\"").map { dom.stdout[$0.upperBound...].prefix { $0 != "\"" } }.flatMap { Int($0) }
        #expect(overflow != nil && overflow! <= 0, "the page is \(overflow.map(String.init) ?? "?") px wider than A4 landscape")
        #expect(html.contains("<span class=\"chip short\"") || html.contains("class=\"need short\""), "the week has red chips to fit")
        let pdf = folder.appendingPathComponent("report.pdf").path
        let printed = try CommandLineTests.run(URL(fileURLWithPath: ReportRenderTests.chromium!),
                                               ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://" + out + "/report.html"])
        #expect(printed.status == 0)
        let pages = Self.pageSizes(try Data(contentsOf: URL(fileURLWithPath: pdf)))
        #expect(!pages.isEmpty && pages.allSatisfy(Self.isA4Landscape), "\(pages)")
    }

    @Test("A four-week roster's workbook has a people × days sheet per week with a header and footer, and prints on A4 landscape one page wide",
          .enabled(if: soffice != nil, "LibreOffice is not installed here (scripts/install-chromium.sh installs it); skipped"))
    func workbookPrints() throws {
        let folder = try CommandLineTests().temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = try solve("scenarios/wonen-eik-vier-weken.yaml", into: folder, ["--time-limit", "8"])
        let book = try Archive(data: try Data(contentsOf: URL(fileURLWithPath: out + "/roster.xlsx")), accessMode: .read)
        func part(_ path: String) throws -> String {
            var bytes = Data()
            _ = try book.extract(try #require(book[path])) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        let workbook = try part("xl/workbook.xml")
        for week in ["W12", "W13", "W14", "W15"] { #expect(workbook.contains("name=\"Rooster per medewerker \(week)\""), "\(week)") }
        let first = try part("xl/worksheets/sheet1.xml")
        #expect(first.contains("<oddHeader>&amp;LHuis Eik, vier weken"), "provider and locations on every page")
        #expect(first.contains("2026-03-16 – 2026-04-12 (2026-W12 – 2026-W15)"), "the period")
        #expect(first.contains("<oddFooter>&amp;Lversie ") && first.contains("gedrukt &amp;D"), "version and print date")
        #expect(first.contains("Saldo") && first.contains("Totaal"), "the balance and totals per day")
        #expect(first.contains("fitToWidth=\"1\"") && first.contains("orientation=\"landscape\""))
        let converted = try CommandLineTests.run(URL(fileURLWithPath: Self.soffice!),
                                                 ["--headless", "--convert-to", "pdf", "--outdir", folder.path, out + "/roster.xlsx"])
        #expect(converted.status == 0, "\(converted.stderr)")
        let pages = Self.pageSizes(try Data(contentsOf: folder.appendingPathComponent("roster.pdf")))
        #expect(pages.count >= 9 && pages.allSatisfy(Self.isA4Landscape), "\(pages.count) pages: \(pages)")
        // One page wide: the four people sheets take one page each (nine people, fourteen columns);
        // with the tables' pages the whole stays below one page per sheet and list page.
        let rosterRows = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8).split(separator: "\n").count
        #expect(pages.count <= 4 + 5 + rosterRows / 25, "\(pages.count) pages for \(rosterRows) roster rows")
    }
}
