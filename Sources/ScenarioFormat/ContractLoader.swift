import CareDomain
import Foundation

/// Reads a contract file for `estimate` (docs/contract-format.md): products as in a scenario,
/// volumes per product, and the terms of employment.
public enum ContractLoader {
    public static let topLevelFields = [
        "version", "name", "levels", "products", "labour_rules", "volumes",
        "fte_hours", "productivity", "absence_rate", "min_contract_hours", "hourly_cost", "cost_price",
    ]
    static let volumeFields = [
        "product", "clients", "visits_per_client", "visit_minutes", "spread", "sessions_per_client", "sessions",
        "group_size", "needs", "caseload", "tariff",
    ]

    /// A contract has `volumes` and no `week`; `validate` reads each kind with its own reader.
    public static func isContract(path: String) -> Bool {
        guard let text = try? InputFile.text(atPath: path, limit: InputFile.largestYAMLBytes).get(),
              let root = try? ScenarioLoader.compose(text, file: path) else { return false }
        return root.field("volumes") != nil && root.field("week") == nil
    }

    public static func load(path: String) throws(ScenarioError) -> TenderContract {
        let (text, _) = try ScenarioLoader.contents(of: path)
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws(ScenarioError) -> TenderContract {
        do {
            return try read(text, file: file)
        } catch {
            var labelled = error
            labelled.subject = "contract"
            throw labelled
        }
    }

    private static func read(_ text: String, file: String) throws(ScenarioError) -> TenderContract {
        let root = try ScenarioLoader.compose(text, file: file)
        let log = IssueLog()
        let contract = ContractReader(reader: ScenarioReader(log: log, file: file, folder: ".")).read(root)
        if !log.issues.isEmpty || contract == nil {
            throw ScenarioError(issues: log.issues.isEmpty
                ? [ScenarioIssue(location: SourceLocation(file: file, line: 1, column: 1), path: "", problem: "the contract is incomplete", hint: "")]
                : log.issues)
        }
        return contract!
    }
}

/// Reads a contract's sections with the scenario reader's checks for the parts they share.
struct ContractReader {
    let reader: ScenarioReader
    var log: IssueLog { reader.log }
    var values: ValueReader { reader.values }

    func read(_ root: ValueNode) -> TenderContract? {
        guard let top = Fields(root, log: log, allowed: ContractLoader.topLevelFields, what: "a contract") else { return nil }
        if let version = top.required("version", hint: "add `version: 1` at the top"), values.text(version) != "1" {
            log.report(version, "version \(version.scalar ?? "?") is not supported", hint: "this program reads `version: 1`")
        }
        let scale = top.optional("levels").flatMap(reader.readLevels) ?? QualificationScale()
        let products = top.required("products", hint: "describe the products as in a scenario").map { reader.readProducts($0, scale: scale) } ?? [:]
        let share = { (key: String, fallback: Double) -> Double in
            guard let node = top.optional(key), let value = values.number(node, what: key) else { return fallback }
            if value >= 1 { log.report(node, "\(key) \(value) is 100% or more", hint: "write it as a fraction, e.g. 0.75") }
            return value
        }
        let productivity = top.required("productivity", hint: "add the client-bound share of paid hours, e.g. `productivity: 0.75`")
            .flatMap { values.number($0, exclusive: true, what: "productivity") } ?? 1
        if productivity > 1, let node = top.optional("productivity") {
            log.report(node, "productivity \(productivity) is above 1", hint: "write it as a fraction of paid hours, e.g. 0.75")
        }
        let costs = top.optional("hourly_cost").map(reader.readHourlyCosts) ?? [:]
        if let node = top.optional("hourly_cost") { reader.checkCostLevels(costs, scale: scale, node: node) }
        let fteHours = top.optional("fte_hours").flatMap { values.number($0, exclusive: true, what: "fte_hours") } ?? 36
        let minContract = top.optional("min_contract_hours").flatMap { values.number($0, what: "min_contract_hours") } ?? 12
        if minContract > fteHours, let node = top.optional("min_contract_hours") {
            log.report(node, "the minimum contract (\(minContract) h) is above one FTE (\(fteHours) h)", hint: "lower min_contract_hours")
        }
        let volumes = (top.required("volumes", hint: "add `volumes:` with a line per product").map(values.list) ?? [])
            .compactMap { readVolume($0, products: products) }
        var contract = TenderContract(
            name: top.optional("name").flatMap(values.text) ?? "contract", scale: scale, products: products, volumes: volumes,
            fteHours: fteHours, productivity: productivity, absenceRate: share("absence_rate", 0),
            minContractHours: minContract, hourlyCostByLevel: costs,
            labourRules: top.optional("labour_rules").map(reader.readLabourRules) ?? LabourRules())
        if let node = top.optional("cost_price") { contract.costPrice = readCostPrice(node) }
        return contract
    }

    /// `cost_price`: the steps from staff cost to a price; shares as fractions.
    private func readCostPrice(_ node: ValueNode) -> CostPriceTerms {
        var terms = CostPriceTerms()
        let shares: [(String, WritableKeyPath<CostPriceTerms, Double>)] = [
            ("employer_charges", \.employerCharges), ("overhead", \.overhead), ("margin", \.margin), ("indexation", \.indexation)]
        let amounts: [(String, WritableKeyPath<CostPriceTerms, Double>, Double)] = [
            ("km_per_visit", \.kilometresPerVisit, 1000), ("price_per_km", \.pricePerKilometre, 10), ("travel_minutes_per_visit", \.travelMinutesPerVisit, 480)]
        guard let fields = Fields(node, log: log, allowed: shares.map(\.0) + amounts.map(\.0), what: "cost_price") else { return terms }
        for (key, path) in shares {
            guard let field = fields.optional(key), let value = values.number(field, maximum: 5, what: "cost_price.\(key)") else { continue }
            if value >= 1, key != "employer_charges" {
                log.report(field, "\(key) \(value) is 100% or more", hint: "write it as a fraction, e.g. 0.12 for 12%")
                continue
            }
            terms[keyPath: path] = value
        }
        for (key, path, most) in amounts {
            guard let field = fields.optional(key), let value = values.number(field, maximum: most, what: "cost_price.\(key)") else { continue }
            terms[keyPath: path] = value
        }
        return terms
    }

    private func readVolume(_ node: ValueNode, products: [ProductID: Product]) -> TenderVolume? {
        guard let fields = Fields(node, log: log, allowed: ContractLoader.volumeFields, what: "a volume") else { return nil }
        let productID = fields.required("product", hint: "name the product this volume is for")
            .flatMap { reader.reference($0, in: products, noun: "product", plural: "products") }
        let clients = fields.required("clients", hint: "add the expected number of clients, e.g. `clients: 120`")
            .flatMap { values.integer($0, minimum: 1, what: "clients") }
        guard let productID, let product = products[productID], let clients else { return nil }
        var needs: [String: Double] = [:]
        if let node = fields.optional("needs") {
            if case let .mapping(pairs) = node.content {
                for (skill, value) in pairs { if let share = values.number(value, what: "needs.\(skill)") { needs[skill] = share } }
                if needs.values.reduce(0, +) > 1 {
                    log.report(node, "the shares of clients with a need add up to more than 1", hint: "each share is a fraction of the clients, together at most 1")
                }
            } else {
                log.report(node, "expected skill: share pairs, found \(node.kindName)", hint: "write needs: {ggz: 0.25}")
            }
        }
        let caseload = fields.optional("caseload").flatMap { values.integer($0, minimum: 1, what: "caseload") }
        if product.setting == .group {
            let sessionsNode = fields.required("sessions", hint: "list the sessions the group runs, as in a location")
            if let sessionsNode, sessionsNode.isEmptyList {
                log.report(sessionsNode, "a group product needs at least one session", hint: "list the sessions the group runs, e.g. [{name: ochtend, days: mon-fri, from: \"09:00\", to: \"12:30\"}]")
            }
            let sessions = (sessionsNode.map(values.list) ?? []).compactMap(reader.readSession)
            let perClient = fields.required("sessions_per_client", hint: "add the dagdelen a week per client, e.g. `sessions_per_client: 3`")
                .flatMap { values.number($0, exclusive: true, what: "sessions_per_client") }
            for field in ["visits_per_client", "visit_minutes", "spread"] where fields.optional(field) != nil {
                log.report(fields.optional(field)!, "`\(field)` is for ambulatory products; \(productID) is group care",
                           hint: "describe group care with sessions, sessions_per_client and group_size")
            }
            guard let perClient, !sessions.isEmpty else { return nil }
            var volume = TenderVolume(product: productID, clients: clients, visitsPerClient: 0, visitMinutes: 0, daySpread: [:],
                                      sessionsPerClient: perClient, sessions: sessions,
                                      groupSize: fields.optional("group_size").flatMap { values.integer($0, minimum: 1, what: "group_size") },
                                      needs: needs, caseload: caseload)
            volume.tariff = fields.optional("tariff").flatMap { values.number($0, exclusive: true, maximum: 10_000, what: "tariff") }
            return volume
        }
        for field in ["sessions_per_client", "sessions", "group_size"] where fields.optional(field) != nil {
            log.report(fields.optional(field)!, "`\(field)` is for group care; \(productID) is ambulatory",
                       hint: "describe visits with visits_per_client, visit_minutes and spread")
        }
        let visits = fields.required("visits_per_client", hint: "add the visits a week per client, e.g. `visits_per_client: 1.5`")
            .flatMap { values.number($0, exclusive: true, what: "visits_per_client") }
        let minutes = fields.required("visit_minutes", hint: "add the length of a visit, e.g. `visit_minutes: 60`")
            .flatMap { values.integer($0, minimum: 1, what: "visit_minutes") }
        var spread: [Weekday: Double] = [:]
        if let node = fields.optional("spread") {
            if case let .mapping(pairs) = node.content {
                for (name, value) in pairs {
                    guard let day = Weekday(name: name) else {
                        log.report(value, "`\(name)` is not a day", hint: "use mon, tue, wed, thu, fri, sat, sun")
                        continue
                    }
                    if !product.officeHours.isEmpty, !product.officeHours.contains(where: { $0.days.contains(day) }) {
                        log.report(value, "visits on \(name) fall outside \(productID)'s office hours", hint: "spread the visits over office-hours days only")
                    }
                    // A share of the week's visits: 0 to 1 (together they are scaled to the whole).
                    if let share = values.number(value, maximum: 1, what: "spread.\(name)") { spread[day] = share }
                }
                if spread.values.reduce(0, +) <= 0 { log.report(node, "the spread has no day with a share above 0", hint: "e.g. spread: {mon: 0.2, tue: 0.2}") }
            } else {
                log.report(node, "expected day: share pairs, found \(node.kindName)", hint: "write spread: {mon: 0.25, tue: 0.25, thu: 0.5}")
            }
        }
        guard let visits, let minutes else { return nil }
        var volume = TenderVolume(product: productID, clients: clients, visitsPerClient: visits, visitMinutes: minutes, daySpread: spread,
                                  sessionsPerClient: 0, sessions: [], groupSize: nil, needs: needs, caseload: caseload)
        volume.tariff = fields.optional("tariff").flatMap { values.number($0, exclusive: true, maximum: 10_000, what: "tariff") }
        return volume
    }
}
