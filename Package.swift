// swift-tools-version:6.1
import PackageDescription

// Guichet: one package, one target per layer (see docs/architecture.md).
// GuichetDomain and GuichetFormats stay free of server dependencies so that
// their tests build and run in seconds.
let package = Package(
    name: "Guichet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "guichet", targets: ["guichet"]),
        .library(name: "GuichetDomain", targets: ["GuichetDomain"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.30.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.19"),
        .package(url: "https://github.com/pointfreeco/swift-tagged.git", from: "0.10.0"),
        // The agreement's PAdES signature (issue #13): CMS SignedData and the platform's certificate.
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.0.0"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.0"),
        .package(url: "https://github.com/apple/swift-asn1.git", from: "1.7.0"),
    ],
    targets: [
        .target(
            name: "GuichetDomain",
            dependencies: [.product(name: "Tagged", package: "swift-tagged")],
            resources: [.copy("Resources/reference")]
        ),
        // zlib (Debian's zlib1g-dev, as ZIPFoundation needs): the XLSX reader inflates ZIP
        // entries itself, with hard bounds (see ZIPArchiveReader).
        .systemLibrary(name: "GuichetZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]),
        .target(
            name: "GuichetFormats",
            dependencies: [
                "GuichetDomain", "GuichetZlib", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "X509", package: "swift-certificates"),
                .product(name: "SwiftASN1", package: "swift-asn1"),
            ]
        ),
        .target(
            name: "GuichetPersistence",
            dependencies: [
                "GuichetDomain",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        .target(
            name: "GuichetViews",
            dependencies: ["GuichetDomain"]
        ),
        .target(
            name: "GuichetApp",
            dependencies: [
                "GuichetDomain", "GuichetFormats", "GuichetPersistence", "GuichetViews",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Public")]
        ),
        .executableTarget(
            name: "guichet",
            dependencies: ["GuichetApp"]
        ),
        .executableTarget(
            name: "guichet-bench",
            dependencies: ["GuichetDomain", "GuichetFormats"],
            path: "Benchmarks/GuichetBench"
        ),
        .executableTarget(
            name: "guichet-pages-bench",
            dependencies: ["GuichetApp"],
            path: "Benchmarks/GuichetPagesBench"
        ),
        .testTarget(
            name: "GuichetDomainTests",
            dependencies: [
                "GuichetDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ]
        ),
        .testTarget(
            name: "GuichetFormatsTests",
            dependencies: ["GuichetFormats", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["XLSX/make_workbooks.py", "Programming/template_roundtrip.py"]
        ),
        .testTarget(name: "GuichetViewsTests", dependencies: ["GuichetViews"]),
        .testTarget(
            name: "GuichetPersistenceTests",
            dependencies: ["GuichetPersistence", "GuichetAppTestSupport"]
        ),
        .testTarget(
            name: "GuichetAppTests",
            dependencies: [
                "GuichetApp", "GuichetAppTestSupport", "GuichetFormats",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            exclude: ["Notifications/smtp_test_server.py"]
        ),
        .target(
            name: "GuichetAppTestSupport",
            dependencies: [
                "GuichetApp", "GuichetFormats",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            path: "Tests/GuichetAppTestSupport"
        ),
    ],
    swiftLanguageModes: [.v6]
)
