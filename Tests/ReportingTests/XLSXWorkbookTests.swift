import Foundation
import Spreadsheet
import Testing
import ZIPFoundation

/// roster.xlsx: a valid package with one sheet per view, numbers as numbers.
@Suite("XLSX workbook")
struct XLSXWorkbookTests {
    static let sheets = [
        XLSXWorkbook.Sheet(name: "Rooster", table: [["date", "staff_id", "hours", "clients", "start", "fixed"],
                                                    ["2026-03-16", "s01", "3.5", "c1;c2 & <c3>", "09:30", "true"]]),
        XLSXWorkbook.Sheet(name: "Capaciteit", table: [["level", "fte_gap"], ["mbo2", "0.097"], ["007", "-2"]]),
    ]

    func part(_ name: String, in data: Data) throws -> String {
        let archive = try Archive(data: data, accessMode: .read)
        let entry = try #require(archive[name], "missing \(name)")
        var bytes = Data()
        _ = try archive.extract(entry) { bytes.append($0) }
        return String(decoding: bytes, as: UTF8.self)
    }

    @Test("the package's parts, the sheet names, inline text escaped, numbers as values, ids with leading zeros as text")
    func parts() throws {
        let data = try XLSXWorkbook.data(Self.sheets)
        let names = try Archive(data: data, accessMode: .read).map(\.path).sorted()
        #expect(names == ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/workbook.xml",
                          "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"])
        let workbook = try part("xl/workbook.xml", in: data)
        #expect(workbook.contains("<sheet name=\"Rooster\" sheetId=\"1\" r:id=\"rId1\"/><sheet name=\"Capaciteit\" sheetId=\"2\" r:id=\"rId2\"/>"))
        let roster = try part("xl/worksheets/sheet1.xml", in: data)
        #expect(roster.contains("<c r=\"C2\"><v>3.5</v></c>"))
        // Typed: a date is a day number with the date format, a time a fraction of a day, a boolean a boolean.
        #expect(roster.contains("<c r=\"A2\" s=\"2\"><v>46097</v></c>"), "2026-03-16 is Excel's day 46097")
        #expect(roster.contains("<c r=\"E2\" s=\"3\"><v>0.3958333333333333</v></c>"), "09:30")
        #expect(roster.contains("<c r=\"F2\" t=\"b\"><v>1</v></c>"))
        // A table to filter and print: the header frozen, an autofilter, A4 landscape one page wide.
        #expect(roster.contains("state=\"frozen\"") && roster.contains("<autoFilter ref=\"A1:F2\"/>"))
        #expect(roster.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        #expect(roster.contains("<col min=\"4\" max=\"4\" width=\"14.0\" customWidth=\"1\"/>"), "width from the longest cell")
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'Rooster'!$1:$1</definedName>"))
        #expect(roster.contains("<t xml:space=\"preserve\">c1;c2 &amp; &lt;c3&gt;</t>"))
        #expect(roster.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"))
        let capacity = try part("xl/worksheets/sheet2.xml", in: data)
        #expect(capacity.contains("<c r=\"A3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">007</t></is></c><c r=\"B3\"><v>-2</v></c>"))
    }

    @Test("A grid to print: the name columns frozen and repeated on each page, wrapped cells, no filter; dates in the header")
    func printGrid() throws {
        let grid = XLSXWorkbook.Sheet(name: "Rooster per medewerker", rows: [
            [.text("Medewerker"), .text("Naam"), .date(year: 2026, month: 3, day: 16), .text("Uren")],
            [.text("s01"), .text("Anouk"), .text("09:00–12:30 ochtend\n13:00–16:30 middag"), .number(7)],
        ], frozenColumns: 2, isGrid: true)
        let data = try XLSXWorkbook.data([grid])
        let sheet = try part("xl/worksheets/sheet1.xml", in: data)
        #expect(sheet.contains("<pane xSplit=\"2\" ySplit=\"1\" topLeftCell=\"C2\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(sheet.contains("<c r=\"C1\" s=\"5\"><v>46097</v></c>"))
        #expect(sheet.contains("<c r=\"C2\" t=\"inlineStr\" s=\"4\">"), "wrapped")
        #expect(!sheet.contains("autoFilter"))
        let workbook = try part("xl/workbook.xml", in: data)
        #expect(workbook.contains("'Rooster per medewerker'!$A:$B,'Rooster per medewerker'!$1:$1"))
    }

    @Test("the same tables give the same bytes")
    func deterministic() throws {
        #expect(try XLSXWorkbook.data(Self.sheets) == XLSXWorkbook.data(Self.sheets))
    }
}
