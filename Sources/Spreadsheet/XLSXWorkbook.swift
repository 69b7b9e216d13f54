import Foundation
import ZIPFoundation

/// A small Office Open XML workbook (`.xlsx`) that prints: typed cells (dates as dates, times as
/// times, numbers and booleans as values), column widths from the contents, a frozen header row
/// (and name columns), an autofilter on every table, A4 landscape fitted to the page width with
/// the header repeated on every printed page. ZIPFoundation packs the parts (with a fixed date,
/// so identical tables give identical bytes).
public enum XLSXWorkbook {
    /// One cell's value, typed as a spreadsheet reads it.
    public enum Cell: Sendable, Hashable {
        case text(String)
        case number(Double)
        /// A calendar date (year, month, day), shown yyyy-mm-dd.
        case date(year: Int, month: Int, day: Int)
        /// A time of day in minutes after midnight, shown hh:mm.
        case time(minutes: Int)
        case boolean(Bool)
        case empty
    }

    public struct Sheet: Sendable {
        public let name: String
        public let rows: [[Cell]]
        /// Columns kept in view when scrolling right (a person's id and name).
        public var frozenColumns = 0
        /// A table (header row, autofilter) or a grid to print (wrapped cells, no filter).
        public var isGrid = false
        /// What each printed page says above and below the sheet (left, centre, right), such as
        /// the provider, the period and the version; `&D` is the date it is printed.
        public var pageHeader: [String] = []
        public var pageFooter: [String] = []

        public init(name: String, rows: [[Cell]], frozenColumns: Int = 0, isGrid: Bool = false) {
            self.name = name
            self.rows = rows
            self.frozenColumns = frozenColumns
            self.isGrid = isGrid
        }

        /// A sheet from a CSV table: each cell typed by its column (`date`, `start`, `end`) or its text.
        public init(name: String, table: [[String]]) {
            self.name = name
            guard let header = table.first else { rows = []; return }
            rows = [header.map(Cell.text)] + table.dropFirst().map { row in
                row.enumerated().map { index, value in Cell.typed(value, column: index < header.count ? header[index] : "") }
            }
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
        // The sheets' XML on every core (a region's roster sheet has tens of thousands of cells).
        let made = SheetSlots(count: sheets.count)
        DispatchQueue.concurrentPerform(iterations: sheets.count) { index in made.store(index, worksheet(sheets[index])) }
        for index in sheets.indices {
            parts.append(("xl/worksheets/sheet\(index + 1).xml", made.xml(index)))
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

    /// The left part of each sheet's printed footer, in sheet order (sheets without one left
    /// out): where the roster's sheets carry its version mark, which `check` reads back.
    public static func footerMarks(of data: Data) throws -> [String] {
        let archive = try Archive(data: data, accessMode: .read)
        var found: [(Int, String)] = []
        for entry in archive where entry.path.hasPrefix("xl/worksheets/sheet") && entry.path.hasSuffix(".xml") {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            let xml = String(decoding: bytes, as: UTF8.self)
            guard let start = xml.range(of: "<oddFooter>&amp;L") else { continue }
            let rest = xml[start.upperBound...]
            let end = rest.range(of: "&amp;C")?.lowerBound ?? rest.range(of: "</oddFooter>")?.lowerBound ?? rest.endIndex
            let number = Int(entry.path.dropFirst("xl/worksheets/sheet".count).dropLast(4)) ?? 0
            found.append((number, String(rest[..<end]).replacingOccurrences(of: "&amp;&amp;", with: "&").replacingOccurrences(of: "&amp;", with: "&")))
        }
        return found.sorted { $0.0 < $1.0 }.map(\.1)
    }

    /// The cells of the sheet named `name`, row by row, each by its column letter: an inline
    /// text unescaped, else the stored value (a date or time as its serial). Nil when there is
    /// no such sheet. (What `check` reads back to hold the roster sheet against roster.csv.)
    public static func cells(of data: Data, sheet name: String) throws -> [[String: String]]? {
        let archive = try Archive(data: data, accessMode: .read)
        func part(_ path: String) throws -> String? {
            guard let entry = archive[path] else { return nil }
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            return String(decoding: bytes, as: UTF8.self)
        }
        guard let workbook = try part("xl/workbook.xml") else { return nil }
        let names = workbook.components(separatedBy: "<sheet name=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        guard let index = names.firstIndex(of: escaped(sheetName(name))), let xml = try part("xl/worksheets/sheet\(index + 1).xml") else { return nil }
        func unescaped(_ text: Substring) -> String {
            text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
        }
        return xml.components(separatedBy: "<row ").dropFirst().map { row in
            var found: [String: String] = [:]
            for cell in row.components(separatedBy: "<c r=\"").dropFirst() {
                let column = String(cell.prefix { $0.isLetter })
                if let start = cell.range(of: "<t xml:space=\"preserve\">"), let end = cell.range(of: "</t>", range: start.upperBound..<cell.endIndex) {
                    found[column] = unescaped(cell[start.upperBound..<end.lowerBound])
                } else if let start = cell.range(of: "<v>"), let end = cell.range(of: "</v>", range: start.upperBound..<cell.endIndex) {
                    found[column] = String(cell[start.upperBound..<end.lowerBound])
                }
            }
            return found
        }
    }

    /// A calendar date's serial as the workbook stores it.
    public static func dateSerial(year: Int, month: Int, day: Int) -> Int { serial(year: year, month: month, day: day) }

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

    /// Sheet names as Excel allows them: at most 31 characters, none of `: \ / ? * [ ]`.
    static func sheetName(_ name: String) -> String {
        let cleaned = String(name.map { ":\\/?*[]".contains($0) ? "-" : $0 }.prefix(31))
        return cleaned.isEmpty ? "Sheet" : cleaned
    }

    static func workbook(_ sheets: [Sheet]) -> String {
        var names: [String] = []
        var definedNames: [String] = []
        for (index, sheet) in sheets.enumerated() {
            let name = sheetName(sheet.name)
            names.append("<sheet name=\"\(escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>")
            let quoted = "'" + escaped(name.replacingOccurrences(of: "'", with: "''")) + "'"
            // The header row (and the name columns) on every printed page; the filter's range.
            let columns = sheet.frozenColumns > 0 ? "\(quoted)!$A:$\(column(sheet.frozenColumns - 1))," : ""
            definedNames.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(columns)\(quoted)!$1:$1</definedName>")
            if !sheet.isGrid, let range = tableRange(sheet) {
                definedNames.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(quoted)!\(absolute(range))</definedName>")
            }
        }
        return header + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>" + names.joined() + "</sheets>"
            + "<definedNames>" + definedNames.joined() + "</definedNames></workbook>"
    }

    static func workbookRelations(count: Int) -> String {
        header + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + (0..<count).map { "<Relationship Id=\"rId\($0 + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\($0 + 1).xml\"/>" }.joined()
            + "<Relationship Id=\"rId\(count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/></Relationships>"
    }

    /// The cell formats, by index: 0 plain, 1 header (bold, shaded, a line below), 2 date,
    /// 3 time, 4 wrapped text (a grid's cell), 5 header date, 6 number with two decimals.
    enum Style: Int { case plain, header, date, time, wrapped, headerDate, decimal }

    static let styles = header + "<styleSheet xmlns=\"\(main)\">"
        + "<numFmts count=\"3\"><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd\"/><numFmt numFmtId=\"165\" formatCode=\"hh:mm\"/>"
        + "<numFmt numFmtId=\"166\" formatCode=\"ddd d-mm\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"10\"/><name val=\"Calibri\"/></font><font><b/><sz val=\"10\"/><name val=\"Calibri\"/></font></fonts>"
        + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE8EEF4\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        + "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        + "<border><left/><right/><top/><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"7\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"165\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment wrapText=\"1\" vertical=\"top\"/></xf>"
        + "<xf numFmtId=\"166\" fontId=\"1\" fillId=\"2\" borderId=\"1\" xfId=\"0\" applyNumberFormat=\"1\" applyFont=\"1\" applyFill=\"1\" applyBorder=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/></cellXfs>"
        + "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles></styleSheet>"

    static func tableRange(_ sheet: Sheet) -> String? {
        let width = sheet.rows.map(\.count).max() ?? 0
        guard width > 0, !sheet.rows.isEmpty else { return nil }
        return "A1:\(column(width - 1))\(sheet.rows.count)"
    }

    static func absolute(_ range: String) -> String {
        range.split(separator: ":").map { reference in
            let letters = reference.prefix { $0.isLetter }
            return "$\(letters)$\(reference.dropFirst(letters.count))"
        }.joined(separator: ":")
    }

    /// Characters a column needs: the longest line of its cells, within sensible bounds.
    static func widths(_ sheet: Sheet) -> [Double] {
        let count = sheet.rows.map(\.count).max() ?? 0
        let cap = sheet.isGrid ? 28 : 60
        // One pass over the cells; a text's length by its longest line, counted no further than the cap.
        var longest = Array(repeating: 0, count: count)
        for row in sheet.rows {
            for (index, cell) in row.enumerated() where longest[index] < cap {
                let width: Int
                switch cell {
                case let .text(text):
                    var line = 0, most = 0
                    for character in text { if character == "\n" { line = 0 } else { line += 1; most = max(most, line) }; if most >= cap { break } }
                    width = most
                case let .number(value): width = String(format: "%g", value).count
                case .date: width = 10
                case .time: width = 5
                case .boolean: width = 5
                case .empty: width = 0
                }
                longest[index] = max(longest[index], width)
            }
        }
        return longest.map { Double(min(cap, max(6, $0 + 2))) }
    }

    static func worksheet(_ sheet: Sheet) -> String {
        let frozen = sheet.frozenColumns
        let pane = frozen > 0
            ? "<pane xSplit=\"\(frozen)\" ySplit=\"1\" topLeftCell=\"\(column(frozen))2\" activePane=\"bottomRight\" state=\"frozen\"/>"
            : "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        var xml = header + "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
            + "<sheetViews><sheetView workbookViewId=\"0\">\(pane)</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"13\"/>"
        let widths = widths(sheet)
        if !widths.isEmpty {
            xml += "<cols>" + widths.enumerated().map { "<col min=\"\($0.offset + 1)\" max=\"\($0.offset + 1)\" width=\"\($0.element)\" customWidth=\"1\"/>" }.joined() + "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                let reference = column(columnIndex) + String(rowIndex + 1)
                xml += self.cell(cell, at: reference, header: rowIndex == 0, grid: sheet.isGrid)
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !sheet.isGrid, let range = tableRange(sheet) { xml += "<autoFilter ref=\"\(range)\"/>" }
        // A4 (paper size 9) landscape, one page wide, as many pages down as it takes.
        xml += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.5\" bottom=\"0.5\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        if !sheet.pageHeader.isEmpty || !sheet.pageFooter.isEmpty {
            xml += "<headerFooter><oddHeader>\(escaped(headerFooterText(sheet.pageHeader)))</oddHeader>"
                + "<oddFooter>\(escaped(headerFooterText(sheet.pageFooter)))</oddFooter></headerFooter>"
        }
        return xml + "</worksheet>"
    }

    /// A page header's or footer's three parts as the sheet's code writes them (`&L`, `&C`,
    /// `&R`); a `&` of the text itself doubled, the field codes given (`&D`, `&P`, `&N`) kept.
    static func headerFooterText(_ parts: [String]) -> String {
        let codes = ["&L", "&C", "&R"]
        return zip(codes, parts).map { code, text in
            var out = ""
            var index = text.startIndex
            while index < text.endIndex {
                let next = text.index(after: index)
                if text[index] == "&", next < text.endIndex, "DPNT".contains(text[next]) {
                    out += "&" + String(text[next])
                    index = text.index(after: next)
                    continue
                }
                out += text[index] == "&" ? "&&" : String(text[index])
                index = next
            }
            return code + out
        }.joined()
    }

    static func cell(_ cell: Cell, at reference: String, header: Bool, grid: Bool) -> String {
        func styled(_ style: Style) -> String { style == .plain ? "" : " s=\"\(style.rawValue)\"" }
        let textStyle: Style = header ? .header : grid ? .wrapped : .plain
        switch cell {
        case .empty:
            return header || grid ? "<c r=\"\(reference)\"\(styled(textStyle))/>" : ""
        case let .text(text):
            guard !text.isEmpty else { return header || grid ? "<c r=\"\(reference)\"\(styled(textStyle))/>" : "" }
            return "<c r=\"\(reference)\" t=\"inlineStr\"\(styled(textStyle))><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
        case let .number(value):
            guard value.isFinite else { return "" }
            return "<c r=\"\(reference)\"\(styled(header ? .header : .plain))><v>\(numberText(value))</v></c>"
        case let .date(year, month, day):
            return "<c r=\"\(reference)\"\(styled(header ? .headerDate : .date))><v>\(serial(year: year, month: month, day: day))</v></c>"
        case let .time(minutes):
            return "<c r=\"\(reference)\"\(styled(.time))><v>\(numberText(Double(minutes) / 1440))</v></c>"
        case let .boolean(value):
            return "<c r=\"\(reference)\" t=\"b\"\(styled(header ? .header : .plain))><v>\(value ? 1 : 0)</v></c>"
        }
    }

    static func numberText(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Excel's day number: days since 1899-12-30 (the 1900 date system).
    static func serial(year: Int, month: Int, day: Int) -> Int {
        // Days from the civil date (Howard Hinnant's days_from_civil), less 1899-12-30's.
        func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
            let y = m <= 2 ? y - 1 : y
            let era = (y >= 0 ? y : y - 399) / 400
            let yoe = y - era * 400
            let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
            let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
            return era * 146_097 + doe - 719_468
        }
        return days(year, month, day) - days(1899, 12, 30)
    }

    /// A, B, …, Z, AA, AB, …
    /// A column's letters (0: A).
    public static func columnLetter(_ index: Int) -> String { column(index) }

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
        // Most cells hold nothing to escape: returned as they are, without a copy.
        if !text.utf8.contains(where: { $0 < 32 || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") }) {
            return text
        }
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

extension XLSXWorkbook.Cell {
    /// A CSV cell typed by its column and its text: `date` (and ISO dates) as dates, `start` and
    /// `end` as times, `true`/`false` as booleans, plain numbers as numbers, the rest as text.
    public static func typed(_ value: String, column: String) -> Self {
        if value.isEmpty { return .empty }
        if let date = isoDate(value) { return .date(year: date.0, month: date.1, day: date.2) }
        if ["start", "end"].contains(column) || column.hasSuffix("_time"), let minutes = clockMinutes(value) { return .time(minutes: minutes) }
        if value == "true" || value == "false" { return .boolean(value == "true") }
        if XLSXWorkbook.isNumber(value), let number = Double(value) { return .number(number) }
        return .text(value)
    }

    static func isoDate(_ text: String) -> (Int, Int, Int)? {
        // Asked of every cell: only a ten-byte text with dashes in place is looked at further.
        let bytes = text.utf8
        guard bytes.count == 10, bytes[bytes.index(bytes.startIndex, offsetBy: 4)] == UInt8(ascii: "-"),
              bytes[bytes.index(bytes.startIndex, offsetBy: 7)] == UInt8(ascii: "-") else { return nil }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    static func clockMinutes(_ text: String) -> Int? {
        let parts = text.split(separator: ":")
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
              (0...24).contains(hours), (0..<60).contains(minutes), hours * 60 + minutes <= 1440 else { return nil }
        return hours * 60 + minutes
    }
}

/// The sheets' XML as the threads make it, each in its own slot.
private final class SheetSlots: @unchecked Sendable {
    private var slots: [String]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: "", count: count) }
    func store(_ index: Int, _ xml: String) { lock.lock(); slots[index] = xml; lock.unlock() }
    func xml(_ index: Int) -> String { lock.lock(); defer { lock.unlock() }; return slots[index] }
}
