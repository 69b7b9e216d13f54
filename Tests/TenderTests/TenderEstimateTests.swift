import CareDomain
import Foundation
import GLPKSolver
import ScenarioFormat
import Tender
import Testing

/// The tender estimate: hand-counted staff mixes, the contract's rules, and a volume that only pushes up.
@Suite("Tender estimate")
struct TenderEstimateTests {
    func contract(_ body: String, terms: String = "fte_hours: 36\nproductivity: 0.5\nabsence_rate: 0\nmin_contract_hours: 0") throws -> TenderContract {
        try ContractLoader.parse("version: 1\nname: test\n" + body + "\n" + terms, file: "contract.yaml")
    }

    let estimator = TenderEstimator(solver: GLPKSolver())

    static let visits = """
    products:
      thuis: {setting: ambulatory, min_level: mbo4, office_hours: {days: mon-fri, from: "08:30", to: "17:00"}}
    volumes:
      - {product: thuis, clients: 36, visits_per_client: 1, visit_minutes: 60}
    """

    @Test("36 visits of an hour at 50% productivity: 72 paid hours, 2.00 FTE of MBO-4")
    func visitsByHand() throws {
        let estimate = try estimator.estimate(contract(Self.visits + "\nhourly_cost: {mbo4: 40}"))
        #expect(estimate.status == "optimal")
        #expect(estimate.lines.count == 1)
        let line = try #require(estimate.lines.first)
        #expect(line.level == "mbo4" && line.skill == "")
        #expect(abs(line.fte - 2) < 1e-6)
        #expect(abs(line.clientHours - 36) < 1e-6)
        #expect(abs(line.weeklyCost - 72 * 40) < 1e-6)
        // 7.2 visit hours a day, 4.25 client hours a head fit in office hours: two people at least.
        #expect(line.heads == 2)
    }

    @Test("23 clients at 1:5 with an MBO-4 lead: four MBO-2 and one MBO-4 for the 3.5-hour session")
    func groupByHand() throws {
        let estimate = try estimator.estimate(contract("""
        products:
          dag: {setting: group, ratio: 5, min_level: mbo2, lead_level: mbo4}
        volumes:
          - product: dag
            clients: 23
            sessions_per_client: 1
            sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]
        """, terms: "productivity: 1\nmin_contract_hours: 0"))
        let byLevel = Dictionary(uniqueKeysWithValues: estimate.lines.map { ($0.level, $0) })
        #expect(byLevel.keys.sorted() == ["mbo2", "mbo4"])
        #expect(abs(byLevel["mbo2"]!.fte - 14 / 36) < 1e-6 && byLevel["mbo2"]!.heads == 4)
        #expect(abs(byLevel["mbo4"]!.fte - 3.5 / 36) < 1e-6 && byLevel["mbo4"]!.heads == 1)
    }

    @Test("Caseload: 100 clients at 30 per HBO professional need 4 HBO people, each on a minimum contract")
    func caseload() throws {
        let estimate = try estimator.estimate(contract("""
        products:
          thuis: {setting: ambulatory, min_level: mbo4, responsible_level: hbo, coordination_minutes: 15}
        volumes:
          - {product: thuis, clients: 100, visits_per_client: 1, visit_minutes: 45, caseload: 30}
        """, terms: "productivity: 0.7\nmin_contract_hours: 16"))
        let hbo = estimate.lines.filter { $0.level == "hbo" }
        #expect(hbo.reduce(0) { $0 + $1.heads } == 4)
        #expect(hbo.reduce(0) { $0 + $1.fte } >= 4 * 16 / 36 - 1e-6)
    }

    @Test("Trajectories of at most 12 months: 104 clients start and close 104 trajectories a year, an hour each for the HBO professional")
    func trajectories() throws {
        func hboHours(_ product: String) throws -> Double {
            let estimate = try estimator.estimate(contract("""
            products:
              thuis: {setting: ambulatory, min_level: mbo4, responsible_level: hbo, \(product)}
            volumes:
              - {product: thuis, clients: 104, visits_per_client: 1, visit_minutes: 45}
            """))
            return estimate.lines.filter { $0.level == "hbo" }.reduce(0) { $0 + $1.clientHours }
        }
        let without = try hboHours("coordination_minutes: 15")
        let with = try hboHours("coordination_minutes: 15, max_trajectory_months: 12")
        // 2 × 104 hours a year over 52 weeks: 4 h a week more.
        #expect(abs(with - without - 4) < 1e-6, "\(without) → \(with)")
    }

    @Test("Skilled clients are seen by staff with the skill")
    func skills() throws {
        let estimate = try estimator.estimate(contract(Self.visits.replacingOccurrences(of: "visit_minutes: 60}", with: "visit_minutes: 60, needs: {ggz: 0.25}}")))
        let ggz = estimate.lines.filter { $0.skill == "ggz" }.reduce(0) { $0 + $1.clientHours }
        #expect(ggz >= 9 - 1e-6)
    }

    @Test("The estimate never falls when the volume rises (80% to 120%, group and visits)")
    func monotone() throws {
        let mixed = try contract("""
        products:
          dag: {setting: group, ratio: 5, min_level: mbo2, lead_level: mbo4, responsible_level: mbo4, coordination_minutes: 10}
          thuis: {setting: ambulatory, min_level: mbo4, responsible_level: hbo, coordination_minutes: 20, evaluation_months: 6,
                  office_hours: {days: mon-fri, from: "09:00", to: "17:00"}}
        volumes:
          - product: dag
            clients: 37
            sessions_per_client: 3
            group_size: 12
            needs: {verzorging: 0.3}
            sessions: [{name: ochtend, days: mon-fri, from: "09:00", to: "12:30"}, {name: middag, days: mon-thu, from: "13:00", to: "16:30"}]
          - {product: thuis, clients: 83, visits_per_client: 1.5, visit_minutes: 60, caseload: 40, needs: {ggz: 0.2}}
        """, terms: "productivity: 0.7\nabsence_rate: 0.06\nmin_contract_hours: 12")
        let factors = stride(from: 0.8, through: 1.2001, by: 0.05).map { $0 }
        let estimates = try factors.map { try estimator.estimate(mixed, factor: $0) }
        for (lower, higher) in zip(estimates, estimates.dropFirst()) {
            #expect(lower.status == "optimal" && higher.status == "optimal")
            #expect(higher.weeklyCost >= lower.weeklyCost - 0.01, "cost at \(higher.volumeFactor) below \(lower.volumeFactor)")
            #expect(higher.fte >= lower.fte - 1e-6, "FTE at \(higher.volumeFactor) below \(lower.volumeFactor)")
        }
        #expect(estimates.last!.fte > estimates.first!.fte)
    }

    @Test("Contract errors are located: a visit day outside office hours, group fields on visits, a missing productivity")
    func contractErrors() throws {
        let text = """
        version: 1
        products:
          thuis: {setting: ambulatory, min_level: mbo4, office_hours: {days: mon-fri, from: "09:00", to: "17:00"}}
        volumes:
          - {product: thuis, clients: 10, visits_per_client: 1, visit_minutes: 60, spread: {sat: 1}}
          - {product: thuis, clients: 10, visits_per_client: 1, visit_minutes: 60, sessions_per_client: 2}
        """
        do {
            _ = try ContractLoader.parse(text, file: "c.yaml")
            Issue.record("expected errors")
        } catch {
            let message = error.description
            #expect(message.contains("visits on sat fall outside thuis's office hours"))
            #expect(message.contains("`sessions_per_client` is for group care; thuis is ambulatory"))
            #expect(message.hasPrefix("The contract has 3 problems"))
            #expect(message.contains("required field `productivity` is missing"))
            #expect(message.contains("c.yaml:5"))
        }
    }
}

@Suite("Tender estimate explained")
struct TenderExplanationTests {
    let estimator = TenderEstimator(solver: GLPKSolver())

    @Test("The cost per client, client hour and dagdeel follow from the mix; a third group at 110% is named as the reason for a third MBO-4")
    func groupJump() throws {
        // 15 clients in groups of at most 8: two groups up to 100%, three from 110% (16.5, so 17 clients).
        let contract = try ContractLoader.parse("""
        version: 1
        name: test
        products:
          dag: {setting: group, ratio: 8, min_level: mbo4, lead_level: mbo4}
        volumes:
          - product: dag
            clients: 15
            sessions_per_client: 1
            group_size: 8
            sessions: [{name: ochtend, days: mon, from: "09:00", to: "12:30"}]
        fte_hours: 36
        productivity: 1
        absence_rate: 0
        min_contract_hours: 0
        hourly_cost: {mbo4: 40}
        """, file: "contract.yaml")
        let volume = try TenderEstimator<GLPKSolver>.sensitivityFactors.map { try estimator.estimate(contract, factor: $0) }
        let explanation = try TenderExplanation(contract: contract, volume: volume, estimator: estimator)
        // 15 clients in 2 groups: 2 MBO-4 for 3.5 h = 7 h a week at € 40.
        let product = try #require(explanation.products.first)
        #expect(abs(product.estimate.weeklyCost - 280) < 1e-6)
        #expect(abs(product.costPerClientYear - 280 * 52 / 15) < 1e-6)
        #expect(abs(product.costPerDagdeel! - 280.0 / 15) < 1e-6)
        #expect(abs(product.costPerClientHour - 40) < 1e-6, "every client hour is an hour of a professional here")
        let quiet = explanation.volumeReasons[1...2].allSatisfy { $0.en.isEmpty }
        #expect(quiet, "\(explanation.volumeReasons)")
        let last = explanation.volumeReasons[3].en
        #expect(explanation.volumeReasons[3].nl.contains("dag: 3 groepen in de volste sessie in plaats van 2 (nog een mbo4 om die te leiden)"))
        #expect(last.contains("dag: 3 groups in the fullest session instead of 2 (one more mbo4 to lead it)"), "\(explanation.volumeReasons)")
        #expect(last.contains("1 more mbo4 (2 → 3)"))
        // The terms: lower productivity never asks fewer people.
        let productivity = explanation.terms.filter { $0.term == "productivity" }
        #expect(productivity.map(\.value) == productivity.map(\.value).sorted(by: >))
        #expect(zip(productivity, productivity.dropFirst()).allSatisfy { $0.estimate.fte <= $1.estimate.fte + 1e-9 })
    }
}

/// The cost-price build-up (SCENARIO.md 1.2's tender price): hand-worked figures.
@Suite("Tender price")
struct TenderPriceTests {
    let estimator = TenderEstimator(solver: GLPKSolver())

    static let contract = """
    version: 1
    name: prijs
    products:
      thuis: {setting: ambulatory, min_level: mbo4, responsible_level: mbo4, coordination_minutes: 30, office_hours: {days: mon-fri, from: "08:30", to: "17:00"}}
    volumes:
      - {product: thuis, clients: 36, visits_per_client: 1, visit_minutes: 60, tariff: TARIFF}
    fte_hours: 36
    productivity: 0.5
    min_contract_hours: 0
    hourly_cost: {mbo4: 40}
    cost_price: {km_per_visit: 10, price_per_km: 0.25, overhead: 0.1, margin: 0.05, indexation: 0.02}
    """

    @Test("36 visits an hour and 18 h of coordination: staff € 4,320 a week; per contact hour € 120 of staff, € 134.75 cost price, € 144.31 price")
    func buildUpByHand() throws {
        let contract = try ContractLoader.parse(Self.contract.replacingOccurrences(of: "TARIFF", with: "150"), file: "c.yaml")
        let estimate = try estimator.estimate(contract)
        // 36 visit hours + 18 coordination hours = 54 client hours ÷ 0.5 = 108 paid hours × € 40.
        #expect(abs(estimate.weeklyCost - 4320) < 1e-6)
        let build = TenderExplanation.buildUp(estimate, volume: contract.volumes[0], contract: contract, factor: 1)
        #expect(build.contactHours == 36)
        #expect(abs(build.kilometres - 90) < 1e-9)                  // 36 visits × 10 km × € 0.25
        #expect(abs(build.overhead - 441) < 1e-9)                   // 10% of 4,410
        #expect(abs(build.costPrice - 4851) < 1e-9)
        #expect(abs(build.costPerContactHour - 134.75) < 1e-9)
        #expect(abs(build.margin - 242.55) < 1e-9)                  // 5% of the cost price
        #expect(abs(build.indexation - 101.871) < 1e-9)             // 2% of cost price and margin
        #expect(abs(build.pricePerContactHour - 5195.421 / 36) < 1e-9)
        // A client hour with coordination is cheaper than a contact hour: bidding at it loses.
        #expect(estimate.weeklyCost / 54 < build.costPerContactHour)
        let margin = try #require(build.marginAtTariff)
        #expect(abs(margin - (150 - 134.75) / 150) < 1e-9)
    }

    @Test("A tariff below the cost price is never break-even in the volumes tried, one above it is; estimate-products.csv says so")
    func tariffAndBreakEven() throws {
        for (tariff, expected) in [("150", "at most 25"), ("120", "above 300")] {
            let contract = try ContractLoader.parse(Self.contract.replacingOccurrences(of: "TARIFF", with: tariff), file: "c.yaml")
            let explanation = try TenderExplanation(contract: contract, volume: [try estimator.estimate(contract)], estimator: estimator)
            let csv = OutputFiles.estimateProductsCSV(explanation.products)
            #expect(csv.split(separator: "\n")[1].hasSuffix(",\(expected)"), "\(csv)")
            #expect(csv.contains(",134.75,"))
        }
    }

    @Test("Bad price terms are named where they stand")
    func badTerms() {
        for (original, edited) in [("overhead: 0.1", "overhead: 1.5"), ("tariff: TARIFF", "tariff: -4")] {
            let text = Self.contract.replacingOccurrences(of: original, with: edited).replacingOccurrences(of: "TARIFF", with: "150")
            do {
                _ = try ContractLoader.parse(text, file: "c.yaml")
                Issue.record("\(edited) was accepted")
            } catch {
                #expect(error.issues.count == 1 && error.issues[0].location.line > 0, "\(error.issues)")
            }
        }
    }
}
