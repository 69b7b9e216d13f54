import CareDomain
import Foundation
import ScenarioFormat
import Testing

/// What-if variants edit the scenario as it is read; the base is read untouched.
@Suite("What-if variants")
struct ScenarioVariantTests {
    static let yaml = """
    version: 1
    week: 2026-W12
    products:
      groep.duurzaam: {setting: group, ratio: 5, min_level: mbo2}
      thuis: {setting: ambulatory, min_level: mbo4, responsible_level: mbo4}
    locations:
      huis: {capacity: 10, sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]}
    staff:
      s1: {level: mbo4, contract_hours: 32}
      s2: {level: mbo2, contract_hours: 20}
    clients:
      c1: {product: groep.duurzaam, location: huis, attends: [mon ochtend]}
      c2: {product: groep.duurzaam, location: huis, attends: [mon ochtend]}
      c3: {product: groep.duurzaam, location: huis, attends: [mon ochtend]}
      t1: {product: thuis, area: "1000", visits: {count: 1, minutes: 60}, responsible: s1, preferred_staff: [s1, s2]}
    appointments:
      mdo: {client: c3, minutes: 60, window: {days: mon, from: "09:00", to: "17:00"}, roles: [{level: mbo2}]}
    variants:
      - {name: "ratio 1:4", set: {products.groep.duurzaam.ratio: 4, settings.fte_hours: 32}}
      - {name: "zonder s1", remove: [staff.s1]}
      - {name: "+100%", scale_clients: 2}
      - {name: "half", scale_clients: 0.5}
    """

    func variant(_ name: String) throws -> Scenario {
        let chosen = try #require(try variants().first { $0.name == name })
        return try ScenarioLoader.parse(Self.yaml, file: "v.yaml", variant: chosen)
    }

    func variants() throws -> [ScenarioVariant] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("zr-variant-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("v.yaml").path
        try Self.yaml.write(toFile: path, atomically: true, encoding: .utf8)
        return try ScenarioLoader.variants(path: path)
    }

    @Test("set reaches a field under an id with a dot in it, and a setting")
    func setField() throws {
        let scenario = try variant("ratio 1:4")
        #expect(scenario.products[ProductID("groep.duurzaam")]?.ratio == 4)
        #expect(scenario.settings.fteHours == 32)
    }

    @Test("remove takes a person out with every mention: responsible and preferred staff")
    func removeStaff() throws {
        let scenario = try variant("zonder s1")
        #expect(scenario.staff[StaffID("s1")] == nil)
        let client = try #require(scenario.clients[ClientID("t1")])
        #expect(client.responsible == nil)
        #expect(client.ambulatory?.preferredStaff == [StaffID("s2")])
    }

    @Test("scale_clients copies clients with new ids, or keeps the first ones and their appointments only")
    func scaleClients() throws {
        let doubled = try variant("+100%")
        #expect(doubled.clients.count == 8)
        #expect(doubled.clients[ClientID("c1-v2")]?.attends == [SessionSlot(day: .mon, name: "ochtend")])
        #expect(doubled.clients[ClientID("t1-v2")]?.ambulatory?.visitCount == 1)
        let half = try variant("half")
        #expect(half.clients.keys.map(\.rawValue).sorted() == ["c1", "c2"])
        #expect(half.appointments.isEmpty)
    }

    @Test("a variant never changes the base: reading the base after every variant gives the same scenario")
    func baseUntouched() throws {
        let before = try ScenarioLoader.parse(Self.yaml, file: "v.yaml")
        for each in try variants() { _ = try ScenarioLoader.parse(Self.yaml, file: "v.yaml", variant: each) }
        let after = try ScenarioLoader.parse(Self.yaml, file: "v.yaml")
        #expect(after.products == before.products)
        #expect(after.staff == before.staff)
        #expect(after.clients == before.clients)
        #expect(after.settings == before.settings)
        #expect(after.products[ProductID("groep.duurzaam")]?.ratio == 5)
    }

    @Test("a variant that breaks the file is reported with its name and the variant's line")
    func badVariant() throws {
        let broken = Self.yaml.replacingOccurrences(of: "{name: \"half\", scale_clients: 0.5}",
                                                    with: "{name: \"typo\", set: {products.groep.duurzam.ratio: 4}, remove: [staff.s9]}")
        do {
            _ = try ScenarioLoader.parse(broken, file: "v.yaml")
            Issue.record("expected an error")
        } catch {
            let text = error.description
            #expect(text.contains("variant `typo`: `products.groep.duurzam.ratio` names no field"))
            #expect(text.contains("variant `typo`: `staff.s9` names no staff member or client"))
            #expect(text.contains("v.yaml:"))
        }
    }

    @Test("command-line edits: path=value read as YAML; a missing = is bad input")
    func commandLine() throws {
        let edit = try ScenarioVariant(name: "cli", scaleClients: nil, set: ["products.groep.duurzaam.ratio=3"], remove: ["staff.s2"])
        let scenario = try ScenarioLoader.parse(Self.yaml, file: "v.yaml", variant: edit)
        #expect(scenario.products[ProductID("groep.duurzaam")]?.ratio == 3)
        #expect(scenario.staff.count == 1)
        #expect(throws: ScenarioError.self) { try ScenarioVariant(name: "x", scaleClients: nil, set: ["ratio"], remove: []) }
    }
}
