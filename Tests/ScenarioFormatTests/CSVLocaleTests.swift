import ScenarioFormat
import Testing

/// `--csv-locale nl`: what Dutch Excel opens right, and `check` reads back.
@Suite("CSV for Dutch Excel")
struct CSVLocaleTests {
    static let plain = """
    date,start,staff_id,clients,hours,fte_gap,reason
    2026-03-16,09:00,s1.a,c1;c2,3.5,0.097,"no one; of 2 qualified: ""s1"" absent"
    2026-03-17,13:00,s2,c3,-2,12,v1.5

    """

    @Test("golden: semicolons, decimal commas only in numbers, a BOM, quotes where a field has a semicolon")
    func golden() throws {
        let dutch = try CSVLocale.nl.apply(to: Self.plain)
        #expect(dutch == "\u{FEFF}" + """
        date;start;staff_id;clients;hours;fte_gap;reason
        2026-03-16;09:00;s1.a;"c1;c2";3,5;0,097;"no one; of 2 qualified: ""s1"" absent"
        2026-03-17;13:00;s2;c3;-2;12;v1.5

        """)
    }

    @Test("plain stays as it is; the Dutch form reads back to the plain one")
    func roundTrip() throws {
        #expect(try CSVLocale.plain.apply(to: Self.plain) == Self.plain)
        #expect(try CSVLocale.plain(CSVLocale.nl.apply(to: Self.plain)) == Self.plain)
        #expect(try CSVLocale.plain(Self.plain) == Self.plain)
    }
}
