// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "zorgrooster",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "zorgrooster", targets: ["zorgrooster"]),
        .library(name: "Optimization", targets: ["Optimization"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.25.0"),
    ],
    targets: [
        // GLPK's C API; Debian ships no glpk.pc, so the module map links "glpk" itself.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // One system call Swift cannot reach (renameat2's folder exchange), for the output swap.
        .target(name: "CFileSystem"),
        .target(name: "Optimization"),
        .target(name: "GLPKSolver", dependencies: ["Optimization", "CGLPK"]),
        .target(name: "CareDomain"),
        .target(name: "ScenarioFormat", dependencies: [
            "CareDomain", "CFileSystem",
            .product(name: "Yams", package: "Yams"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        .target(name: "Planning", dependencies: ["CareDomain", "Optimization"]),
        .target(name: "RosterCheck", dependencies: ["CareDomain"]),
        .target(name: "Reporting", dependencies: ["CareDomain"]),
        .target(name: "Tender", dependencies: ["CareDomain", "Optimization"]),
        .target(name: "Spreadsheet", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The run (plan → check → render) as a library, so tests reach it without the command line.
        .target(name: "ZorgroosterRun", dependencies: [
            "CareDomain", "ScenarioFormat", "Planning", "RosterCheck", "Reporting", "Spreadsheet", "Optimization", "GLPKSolver",
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        // The planning board (`serve`): the roster on a local web page and its JSON API.
        .target(name: "PlanningBoard", dependencies: [
            "CareDomain", "Planning", "Reporting", "ZorgroosterRun", "Optimization",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "zorgrooster", dependencies: [
            "CareDomain", "ScenarioFormat", "Planning", "RosterCheck", "Reporting", "Tender", "Spreadsheet",
            "Optimization", "GLPKSolver", "ZorgroosterRun", "PlanningBoard",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "SwiftCSV", package: "SwiftCSV"),
        ]),
        .testTarget(name: "OptimizationTests", dependencies: ["Optimization", "GLPKSolver"]),
        .testTarget(name: "ScenarioFormatTests", dependencies: ["ScenarioFormat", "CareDomain"]),
        .testTarget(name: "PlanningTests", dependencies: [
            "Planning", "CareDomain", "ScenarioFormat", "RosterCheck", "Optimization", "GLPKSolver",
        ]),
        .testTarget(name: "RosterCheckTests", dependencies: ["RosterCheck", "CareDomain", "ScenarioFormat"]),
        .testTarget(name: "TenderTests", dependencies: ["Tender", "CareDomain", "ScenarioFormat", "GLPKSolver"]),
        .testTarget(name: "ReportingTests", dependencies: ["Reporting", "CareDomain", "ScenarioFormat", "Spreadsheet",
                                                           .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "CLITests", dependencies: ["zorgrooster", "ZorgroosterRun", "CareDomain", "ScenarioFormat", "Planning",
                                                    "RosterCheck", "GLPKSolver",
                                                    .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    // The golden files (and the browser test's script) are read from the package by path, not bundled as resources.
                    exclude: ["Golden", "Replans", "Browser"]),
    ]
)
