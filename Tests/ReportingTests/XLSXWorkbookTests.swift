import Foundation
import Spreadsheet
import Testing
import ZIPFoundation

/// roster.xlsx: a valid package with one sheet per view, numbers as numbers.
@Suite("XLSX workbook")
struct XLSXWorkbookTests {
    static let sheets = [
        XLSXWorkbook.Sheet(name: "Rooster", rows: [["date", "staff_id", "hours", "clients"], ["2026-03-16", "s01", "3.5", "c1;c2 & <c3>"]]),
        XLSXWorkbook.Sheet(name: "Capaciteit", rows: [["level", "fte_gap"], ["mbo2", "0.097"], ["007", "-2"]]),
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
        #expect(roster.contains("<t xml:space=\"preserve\">c1;c2 &amp; &lt;c3&gt;</t>"))
        #expect(roster.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"))
        let capacity = try part("xl/worksheets/sheet2.xml", in: data)
        #expect(capacity.contains("<c r=\"A3\" t=\"inlineStr\"><is><t xml:space=\"preserve\">007</t></is></c><c r=\"B3\"><v>-2</v></c>"))
    }

    @Test("the same tables give the same bytes")
    func deterministic() throws {
        #expect(try XLSXWorkbook.data(Self.sheets) == XLSXWorkbook.data(Self.sheets))
    }
}
