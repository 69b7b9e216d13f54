import Foundation
import ZIPFoundation

/// A minimal Office Open XML workbook (`.xlsx`): one sheet per table, numbers as numbers, text
/// as inline strings, the first row frozen as the header. The parts are the standard's smallest
/// set; ZIPFoundation packs them (with a fixed date, so identical tables give identical bytes).
public enum XLSXWorkbook {
    public struct Sheet: Sendable {
        public let name: String
        public let rows: [[String]]

        public init(name: String, rows: [[String]]) {
            self.name = name
            self.rows = rows
        }
    }

    public static func data(_ sheets: [Sheet], stamp: Date = Date(timeIntervalSince1970: 1_767_225_600)) throws -> Data {
        let archive = try Archive(accessMode: .create)
        var parts: [(String, String)] = [
            ("[Content_Types].xml", contentTypes(count: sheets.count)),
            ("_rels/.rels", rootRelations),
            ("xl/workbook.xml", workbook(sheets)),
            ("xl/_rels/workbook.xml.rels", workbookRelations(count: sheets.count)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in sheets.enumerated() {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet(sheet.rows)))
        }
        for (path, xml) in parts {
            let bytes = Data(xml.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: stamp,
                                 compressionMethod: .deflate) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }

    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static func contentTypes(count: Int) -> String {
        header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
            + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
            + (1...max(1, count)).map {
                "<Override PartName=\"/xl/worksheets/sheet\($0).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
            }.joined() + "</Types>"
    }

    static let rootRelations = header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"

    static func workbook(_ sheets: [Sheet]) -> String {
        header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
            + sheets.enumerated().map { "<sheet name=\"\(escaped(String($0.element.name.prefix(31))))\" sheetId=\"\($0.offset + 1)\" r:id=\"rId\($0.offset + 1)\"/>" }.joined()
            + "</sheets></workbook>"
    }

    static func workbookRelations(count: Int) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<count).map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// Two cell formats: plain (0) and bold for the header row (1).
    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"11\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"2\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    static func worksheet(_ rows: [[String]]) -> String {
        var xml = header + "<worksheet xmlns=\"\(main)\"><sheetViews><sheetView workbookViewId=\"0\">"
            + "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><sheetData>"
        for (rowIndex, row) in rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, value) in row.enumerated() where !value.isEmpty {
                let reference = column(columnIndex) + String(rowIndex + 1)
                let style = rowIndex == 0 ? " s=\"1\"" : ""
                if rowIndex > 0, isNumber(value) {
                    xml += "<c r=\"\(reference)\"\(style)><v>\(value)</v></c>"
                } else {
                    xml += "<c r=\"\(reference)\" t=\"inlineStr\"\(style)><is><t xml:space=\"preserve\">\(escaped(value))</t></is></c>"
                }
            }
            xml += "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    /// A, B, …, Z, AA, AB, …
    static func column(_ index: Int) -> String {
        var index = index + 1
        var name = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            index = (index - 1) / 26
        }
        return name
    }

    /// Plain numbers only (`12`, `-3.5`): ids like `007` or dates stay text.
    static func isNumber(_ value: String) -> Bool {
        guard Double(value) != nil, value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" }) else { return false }
        let digits = value.hasPrefix("-") ? String(value.dropFirst()) : value
        return !(digits.hasPrefix("0") && digits.count > 1 && !digits.hasPrefix("0."))
    }

    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            // XML 1.0 has no place for other control characters.
            case _ where scalar.value < 32 && scalar != "\n" && scalar != "\t": continue
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
