import Foundation
import GuichetDomain
import GuichetFormats

/// `guichet-bench --ami FILE.xlsx`: reads and checks a programming table in process, as an
/// upload does (`ProgrammingTableCheck`), and prints the median of several runs; the reference
/// data is loaded once beforehand, as the server does at start-up.
func runAMIBench(path: String, runs: Int = max(1, 15 / scale)) {
    guard let data = FileManager.default.contents(atPath: path) else {
        print("fichier illisible : \(path)")
        exit(2)
    }
    let reference = try! ReferenceData.loadBundled()
    let clock = ContinuousClock()
    func ms(_ d: Duration) -> Double { Double(d.components.seconds) * 1e3 + Double(d.components.attoseconds) / 1e15 }
    var whole: [Double] = []
    var reading: [Double] = []
    var operations = 0
    var errors = 0
    let warmUp = min(3, runs)
    for i in 0..<(runs + warmUp) {
        let t0 = clock.now
        let wb = try! XLSXReader().read(
            data, sheetsToRead: [ProgrammingTable.sheetName, ProgrammingTable.synthesisSheetName])
        let t1 = clock.now
        blackHole(wb)
        let t2 = clock.now
        let r = try! ProgrammingTableCheck.run(
            data, limits: .init(), year: 2024, department: "974", reference: reference)
        let t3 = clock.now
        operations = r.operations.count
        errors = r.errors.count
        if i >= warmUp {
            reading.append(ms(t1 - t0))
            whole.append(ms(t3 - t2))
        }
    }
    whole.sort()
    reading.sort()
    print("Tableau AMI : \(operations) opérations lues, \(errors) erreurs, \(data.count / 1024) Ko")
    print("  lecture XLSX seule          médiane \(fmt(reading[reading.count / 2])) ms")
    print(
        "  lecture + contrôle complet  médiane \(fmt(whole[whole.count / 2])) ms  (min \(fmt(whole[0])) ms, max "
            + "\(fmt(whole[whole.count - 1])) ms, \(runs) essais)"
    )
    print("AMI_MEDIAN_MS=\(whole[whole.count / 2])")
}
