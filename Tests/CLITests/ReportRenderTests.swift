import Foundation
import Testing

/// report.html rendered by headless Chromium: the page is not blank and the grid is drawn.
@Suite("Report rendering")
struct ReportRenderTests {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Counts pixels in a PNG (8-bit RGB or RGBA, not interlaced): all, not near-white, the
    /// table header's blue and the uncovered chips' red. Python's zlib inflates; the filters are undone here.
    static let pngStatistics = #"""
    import struct, sys, zlib
    data = open(sys.argv[1], "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width = 8, b"", 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", body)
            assert depth == 8 and colour in (2, 6) and interlace == 0, (depth, colour, interlace)
            size = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw, stride = zlib.decompress(idat), width * size
    previous, rows, i = bytearray(stride), [], 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1:i + 1 + stride]); i += 1 + stride
        for x in range(stride):
            a = line[x - size] if x >= size else 0
            b = previous[x]
            c = previous[x - size] if x >= size else 0
            if kind == 1: line[x] = (line[x] + a) & 255
            elif kind == 2: line[x] = (line[x] + b) & 255
            elif kind == 3: line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line); previous = line
    ink = blue = red = 0
    for line in rows:
        for x in range(0, stride, size):
            r, g, b = line[x], line[x + 1], line[x + 2]
            if r < 235 or g < 235 or b < 235: ink += 1
            if abs(r - 0x2f) < 12 and abs(g - 0x6f) < 12 and abs(b - 0x8f) < 12: blue += 1
            if abs(r - 0xc6) < 12 and abs(g - 0x28) < 12 and abs(b - 0x28) < 12: red += 1
    print(width * height, ink, blue, red)
    """#

    func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try CommandLineTests.run(URL(fileURLWithPath: executable), arguments)
        return (result.status, result.stdout)
    }

    @Test("the flu week's report renders with its grid, KPIs and red uncovered chips",
          .enabled(if: chromium != nil, "headless Chromium is not installed here (scripts/install-chromium.sh installs it); skipped"))
    func renders() throws {
        let root = CommandLineTests.packageRoot
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out").path
        let solve = try run(root.appendingPathComponent(".build/debug/zorgrooster").path,
                            ["solve", root.appendingPathComponent("scenarios/dagbesteding-griepweek.yaml").path, "--out", out, "--quiet"])
        #expect(solve.status == 0)
        let page = "file://" + out + "/report.html"
        let html = try String(contentsOfFile: out + "/report.html", encoding: .utf8)
        #expect(!html.contains("http://") || html.contains("http://www.w3.org/2000/svg"), "no network resources")
        let png = folder.appendingPathComponent("report.png").path
        let shot = try run(Self.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                                            "--window-size=1400,1000", "--screenshot=\(png)", page])
        #expect(shot.status == 0)
        let script = folder.appendingPathComponent("png_statistics.py").path
        try Self.pngStatistics.write(toFile: script, atomically: true, encoding: .utf8)
        let statistics = try run("/usr/bin/env", ["python3", script, png])
        let numbers = statistics.output.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        try #require(numbers.count == 4, "png statistics: \(statistics.output)")
        let (pixels, ink, blue, red) = (numbers[0], numbers[1], numbers[2], numbers[3])
        #expect(pixels == 1400 * 1000)
        #expect(Double(ink) / Double(pixels) > 0.05, "the page is nearly blank")
        #expect(blue > 5000, "the grid's header row is not drawn")
        #expect(red > 500, "the uncovered chips are not drawn")
        // Chromium's own reading of the page: the location grid and a person's row are there.
        let dom = try run(Self.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page])
        #expect(dom.output.contains("<table class=\"grid\">"))
        #expect(dom.output.contains("Esra Yilmaz"))
        // The board's figures: clients present and staff asked per session (a short one marked),
        // absences as absences, hours beside contract hours.
        #expect(dom.output.contains("9 cl. · 2 + lead mbo4"), "session figures")
        #expect(dom.output.contains("<div class=\"need short\""), "a short session is marked")
        #expect(dom.output.contains("<span class=\"chip absent\">afwezig</span>"), "absences shown")
        #expect(dom.output.contains("0.0 / 32.0"), "contract hours beside hours (Anouk, absent all week)")
    }
}
