/// Builds the reference tables from the texts of the shipped CSV files (see
/// `Resources/reference/SOURCES.md` for where each comes from). Pure: the caller reads the files.
extension ReferenceData {
    public struct Files: Sendable {
        public var zonage2022: [UInt8]
        public var zonage2024: [UInt8]
        public var zonage2025: [UInt8]
        public var actionCoeurDeVille: [UInt8]
        public var postalCodes: [UInt8]
        public var departments: [UInt8]
        public var anahCeilings: [UInt8]
        public var livretA: [UInt8]
        public init(
            zonage2022: [UInt8], zonage2024: [UInt8], zonage2025: [UInt8], actionCoeurDeVille: [UInt8],
            postalCodes: [UInt8], departments: [UInt8], anahCeilings: [UInt8], livretA: [UInt8]
        ) {
            self.zonage2022 = zonage2022
            self.zonage2024 = zonage2024
            self.zonage2025 = zonage2025
            self.actionCoeurDeVille = actionCoeurDeVille
            self.postalCodes = postalCodes
            self.departments = departments
            self.anahCeilings = anahCeilings
            self.livretA = livretA
        }
    }

    public enum ParseError: Error, CustomStringConvertible {
        case missingColumn(file: String, column: String)
        case badValue(file: String, row: Int, value: String)
        public var description: String {
            switch self {
            case .missingColumn(let f, let c): return "\(f): colonne « \(c) » absente"
            case .badValue(let f, let r, let v): return "\(f), ligne \(r): valeur illisible « \(v) »"
            }
        }
    }

    /// The three zonage versions and the dates from which each is in force (`RENO-E6`, Parameters).
    public static let zonage2022Label = "zonage publié en 2022 (source tierce)"
    public static let zonage2024From = Day(year: 2024, month: 7, day: 5)!
    public static let zonage2025From = Day(year: 2025, month: 9, day: 5)!
    /// The October 2023 revision that is not loaded (see `RULES.md`, issue #4).
    public static let zonageOctober2023 = Day(year: 2023, month: 10, day: 5)!

    public convenience init(files: Files) throws {
        let (z2022, _) = try Self.zonage(
            files.zonage2022, file: "zonage_abc_communes_2022_tiers.csv",
            validFrom: Day(year: 2019, month: 9, day: 15)!, label: Self.zonage2022Label,
            source: "francoisburdy/zones-abc-pinel-map, data/Zonage_abc_communes_2022.csv", keepNames: false)
        let (z2024, _) = try Self.zonage(
            files.zonage2024, file: "zonage_abc_communes_2024-07-05.csv",
            validFrom: Self.zonage2024From, label: "zonage en vigueur depuis le 5 juillet 2024",
            source: "openfisca-france, zonage-abc-juillet-2024.csv", keepNames: false)
        let (z2025, names) = try Self.zonage(
            files.zonage2025, file: "zonage_abc_communes_2025-09-05.csv",
            validFrom: Self.zonage2025From, label: "zonage de l'arrêté du 5 septembre 2025",
            source: "data.gouv.fr liste-des-communes-zonage-abc-5-septembre-2025.csv", keepNames: true)
        let (byPostal, byInsee) = try Self.postalCodes(files.postalCodes, names: names)
        self.init(
            zonageVersions: [z2022, z2024, z2025],
            actionCoeurDeVille: try Self.actionCoeurDeVille(files.actionCoeurDeVille),
            communesByPostalCode: byPostal, communesByInsee: byInsee, departments: Self.departments(files.departments),
            anahCeilings: try Self.anahCeilings(files.anahCeilings), livretA: try Self.livretA(files.livretA),
            livretACheckedOn: Day(year: 2026, month: 1, day: 12)!, communeNames: names)
    }
}

extension ReferenceData {
    static func zone(_ r: Range<Int>, _ b: UnsafeBufferPointer<UInt8>) -> Zone? {
        if CSVScanner.equals(r, b, "C") { return .c }
        if CSVScanner.equals(r, b, "B2") { return .b2 }
        if CSVScanner.equals(r, b, "B1") { return .b1 }
        if CSVScanner.equals(r, b, "A") { return .a }
        if CSVScanner.equals(r, b, "Abis") { return .abis }
        return nil
    }

    /// One zonage file (`code_insee`, `zone_abc`, optionally `nom_commune` kept in `names`).
    static func zonage(
        _ bytes: [UInt8], file: String, validFrom: Day, label: String, source: String,
        keepNames: Bool
    ) throws -> (ZonageVersion, names: [String: String]) {
        var names: [String: String] = [:]
        var zones: [String: Zone] = [:]
        zones.reserveCapacity(36_000)
        var (ci, zi, ni) = (-1, -1, -1)
        try CSVScanner.scan(bytes) { row, f, b in
            if row == 0 {
                let header = f.map { CSVScanner.string($0, b) }
                ci = header.firstIndex(of: "code_insee") ?? -1
                zi = header.firstIndex(of: "zone_abc") ?? -1
                ni = header.firstIndex(of: "nom_commune") ?? -1
                if ci < 0 { throw ParseError.missingColumn(file: file, column: "code_insee") }
                if zi < 0 { throw ParseError.missingColumn(file: file, column: "zone_abc") }
                return
            }
            guard f.count > max(ci, zi) else { return }
            guard let z = zone(f[zi], b) else {
                throw ParseError.badValue(file: file, row: row + 1, value: CSVScanner.string(f[zi], b))
            }
            let code = CSVScanner.string(f[ci], b)
            zones[code] = z
            if keepNames, ni >= 0, ni < f.count { names[code] = CSVScanner.string(f[ni], b) }
        }
        return (ZonageVersion(validFrom: validFrom, label: label, source: source, zones: zones), names)
    }

    /// The Action Cœur de Ville communes: INSEE → name.
    static func actionCoeurDeVille(_ bytes: [UInt8]) throws -> [String: String] {
        let acvT = CSVTable(bytes: bytes)
        guard let ai = acvT.column("code_insee"), let an = acvT.column("nom_commune") else {
            throw ParseError.missingColumn(file: "action_coeur_de_ville_communes.csv", column: "code_insee")
        }
        var acv: [String: String] = [:]
        for r in acvT.rows where r.count > max(ai, an) { acv[r[ai]] = r[an] }
        return acv
    }

    /// La Poste's table: communes by postal code (French order) and by INSEE code.
    static func postalCodes(
        _ bytes: [UInt8], names: [String: String]
    ) throws -> ([String: [Commune]], [String: Commune]) {
        var byPostal: [String: [Commune]] = [:]
        var byInsee: [String: Commune] = [:]
        byInsee.reserveCapacity(36_000)
        byPostal.reserveCapacity(7_000)
        var pi = -1
        var pn = -1
        var pp = -1
        try CSVScanner.scan(bytes) { row, f, b in
            if row == 0 {
                let header = f.map { CSVScanner.string($0, b) }
                pi = header.firstIndex(of: "code_commune_insee") ?? -1
                pn = header.firstIndex(of: "nom_commune") ?? -1
                pp = header.firstIndex(of: "code_postal") ?? -1
                if pi < 0 || pn < 0 || pp < 0 {
                    throw ParseError.missingColumn(file: "laposte_codes_postaux.csv", column: "code_commune_insee")
                }
                return
            }
            guard f.count > max(pi, pn, pp) else { return }
            let insee = CSVScanner.string(f[pi], b)
            let postal = CSVScanner.string(f[pp], b)
            // One entry per commune and postal code (La Poste repeats them per lieu-dit).
            if byPostal[postal]?.contains(where: { $0.insee == insee }) == true { return }
            let c = Commune(insee: insee, name: names[insee] ?? CSVScanner.string(f[pn], b), postalCode: postal)
            if byInsee[insee] == nil { byInsee[insee] = c }
            byPostal[postal, default: []].append(c)
        }
        for k in byPostal.keys { byPostal[k] = byPostal[k].map { FrenchText.sorted($0, by: \.name) } }
        return (byPostal, byInsee)
    }

    static func departments(_ bytes: [UInt8]) -> [String: Department] {
        let dT = CSVTable(bytes: bytes)
        var deps: [String: Department] = [:]
        for r in dT.rows where r.count >= 7 {
            deps[r[0]] = Department(
                code: r[0], name: r[1], regionCode: r[2], regionName: r[3],
                isIleDeFrance: r[5] == "1", isDROM: r[6] == "1")
        }
        return deps
    }

    static func anahCeilings(_ bytes: [UInt8]) throws -> [AnahCeiling] {
        let aT = CSVTable(bytes: bytes)
        var ceilings: [AnahCeiling] = []
        for (n, r) in aT.rows.enumerated() where r.count >= 11 {
            guard let y = Int(r[0]), let reg = AnahCeiling.Region(rawValue: r[1]),
                let cat = AnahCeiling.Category(rawValue: r[2])
            else {
                throw ParseError.badValue(
                    file: "anah_plafonds_ressources.csv", row: n + 2, value: r[0...2].joined(separator: ","))
            }
            let values = r[3...8].compactMap { Int64($0) }
            guard values.count == 6 else {
                throw ParseError.badValue(
                    file: "anah_plafonds_ressources.csv", row: n + 2, value: r[3...8].joined(separator: ","))
            }
            ceilings.append(
                AnahCeiling(
                    year: y, region: reg, category: cat, persons: Array(values[0..<5]),
                    perExtraPerson: values[5], source: r[10]))
        }
        return ceilings
    }

    static func livretA(_ bytes: [UInt8]) throws -> [LivretARate] {
        let lT = CSVTable(bytes: bytes)
        var rates: [LivretARate] = []
        for (n, r) in lT.rows.enumerated() where r.count >= 4 {
            guard let d = Day(iso: r[0]), let rate = Rate(decimal: r[1], percent: true) else {
                throw ParseError.badValue(file: "livret_a_taux.csv", row: n + 2, value: r[0])
            }
            rates.append(LivretARate(effective: d, rate: rate, reference: r[3]))
        }
        return rates
    }
}
