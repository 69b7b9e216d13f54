import ArgumentParser
import CareDomain
import GLPKSolver
import Reporting
import ScenarioFormat
import Tender

struct EstimateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "estimate",
        abstract: "Estimate the staff a contract or tender needs: the minimum-cost FTE per level and skill, and its sensitivity to volume.",
        discussion: """
            The contract file gives the expected volumes per product and the terms (productivity,
            absence, FTE hours, hourly cost per level); see docs/contract-format.md. Writes
            estimate.csv (the mix at the stated volume, with its paid hours and the FTE the client
            hours alone ask), estimate-products.csv (each product on its own: cost per client, per
            client hour, per dagdeel), sensitivity.csv (80% to 120% of the volume) and
            sensitivity-terms.csv (productivity and absence around the contract's), each step with
            the reason it adds people.

            Example: zorgrooster estimate scenarios/aanbesteding-segment-1b.yaml --out out/tender
            """)

    @Argument(help: "The contract file (YAML).")
    var contract: String

    @Option(name: .long, help: "Folder for estimate.csv and sensitivity.csv (default: estimate-out).")
    var out = "estimate-out"

    @Option(name: .long, help: "Finish the whole estimate within this many seconds (default 60); rows solved short of it say feasible.")
    var timeLimit: Double = 60

    @Option(name: .long, help: "CSV files for: plain (the default) or nl (semicolon, decimal comma, BOM: Dutch Excel).")
    var csvLocale: CSVLocale = .plain

    @Option(name: .long, help: "The language of what is printed: nl (default) or en; the CSV files keep the contract's words.")
    var lang: ReportLanguage = .nl

    @Flag(name: .long, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if !(timeLimit > 0 && timeLimit <= PlanningFlags.longestTimeLimit) {
            throw ValidationError("--time-limit is a number of seconds above 0 and at most \(Int(PlanningFlags.longestTimeLimit)) (a day), e.g. 60.")
        }
    }

    func run() throws {
        let contract: TenderContract
        do {
            contract = try ContractLoader.load(path: self.contract)
        } catch {
            printError(error.description)
            throw ExitCode(2)
        }
        try holdOutput(out)
        var estimator = TenderEstimator(solver: GLPKSolver())
        estimator.timeLimitSeconds = timeLimit
        // The limit covers the whole command: reading, every solve, writing.
        estimator.deadline = commandStarted.addingTimeInterval(timeLimit * 0.85)
        let sensitivity: [TenderEstimate]
        let explanation: TenderExplanation
        do {
            sensitivity = try TenderEstimator<GLPKSolver>.sensitivityFactors.map { try estimator.estimate(contract, factor: $0) }
            explanation = try TenderExplanation(contract: contract, volume: sensitivity, estimator: estimator)
        } catch {
            printError("internal failure while estimating: \(error)")
            throw ExitCode(1)
        }
        let stated = sensitivity.first { $0.volumeFactor == 1 }!
        try write(["estimate.csv": OutputFiles.estimateCSV(stated, contract: contract),
                   "estimate-products.csv": OutputFiles.estimateProductsCSV(explanation.products),
                   "cost-price.csv": OutputFiles.costPriceCSV(explanation.products),
                   "sensitivity.csv": OutputFiles.sensitivityCSV(sensitivity, scale: contract.scale, reasons: explanation.volumeReasons,
                                                                 prices: sensitivity.map { TenderExplanation.wholeBuildUp($0, contract: contract) }),
                   "sensitivity-terms.csv": OutputFiles.termSensitivityCSV(explanation.terms, scale: contract.scale)], to: out, locale: csvLocale)
        if !quiet {
            print(EstimateTable.render(contract: contract, at: stated, sensitivity: sensitivity, explanation: explanation, language: lang))
            print((lang == .nl ? "Bestanden: " : "Files: ") + "\(out)/estimate.csv, estimate-products.csv, cost-price.csv, sensitivity.csv, sensitivity-terms.csv")
        }
    }
}

extension TenderExplanation: TenderExplanationView {}
