// Benchmarks of the renovation rules (issue #4), in process, release build:
//   swift run -c release guichet-bench
// Prints medians and percentiles; targets: full simulation < 20 µs, eligibility < 2 µs,
// reference data load < 300 ms.
import Foundation
import GuichetDomain
import GuichetFormats

/// GUICHET_BENCH_SCALE divides the iteration counts (for profiling under valgrind).
let scale = max(1, Int(ProcessInfo.processInfo.environment["GUICHET_BENCH_SCALE"] ?? "") ?? 1)

/// `batch`: calls of `body` per timed sample (the figure printed is per call), so that the two
/// clock readings of a sample do not weigh on operations of a few microseconds.
func measure(_ label: String, iterations fullIterations: Int, target: Double?, batch: Int = 1, _ body: () -> Void) {
    let iterations = max(10, fullIterations / scale)
    for _ in 0..<min(1_000, iterations / 10) { body() }  // warm-up
    var samples: [Double] = []
    samples.reserveCapacity(iterations)
    let clock = ContinuousClock()
    for _ in 0..<iterations {
        let start = clock.now
        for _ in 0..<batch { body() }
        let d = clock.now - start
        samples.append((Double(d.components.seconds) * 1e6 + Double(d.components.attoseconds) / 1e12) / Double(batch))
    }
    samples.sort()
    func p(_ q: Double) -> Double { samples[min(samples.count - 1, Int(Double(samples.count) * q))] }
    let verdict =
        target.map { p(0.5) <= $0 ? "ok (cible < \(fmt($0)) µs)" : "AU-DESSUS de la cible \(fmt($0)) µs" } ?? ""
    print(
        "\(label.padding(toLength: 44, withPad: " ", startingAt: 0)) médiane \(fmt(p(0.5))) µs  p90 \(fmt(p(0.9))) "
            + "µs  p99 \(fmt(p(0.99))) µs  (\(iterations) essais) \(verdict)"
    )
}

func fmt(_ v: Double) -> String { String(format: "%.2f", v).replacingOccurrences(of: ".", with: ",") }

@inline(never) func blackHole<T>(_ x: T) { withExtendedLifetime(x) {} }

// `--json`: the JSON decoding benchmark only (issue #9); `--json-example`: its first line only
// (for a profiler).
if CommandLine.arguments.contains("--json-example") {
    JSONBench.runExample(day: Day(year: 2024, month: 6, day: 15) ?? Day.supportedRange.lowerBound)
    exit(0)
}
if CommandLine.arguments.contains("--json") {
    JSONBench.run(day: Day(year: 2024, month: 6, day: 15) ?? Day.supportedRange.lowerBound)
    exit(0)
}

// `--ami FILE`: the AMI programming-table benchmark only (issue #5, Scripts/bench_ami_check.sh).
if let i = CommandLine.arguments.firstIndex(of: "--ami"), i + 1 < CommandLine.arguments.count {
    runAMIBench(path: CommandLine.arguments[i + 1])
    exit(0)
}

// 1. Reference data load (what the server does once at start-up).
let clock = ContinuousClock()
var loads: [Duration] = []
var loaded: ReferenceData?
for _ in 0..<5 {
    let t = clock.now
    loaded = try ReferenceData.loadBundled()
    loads.append(clock.now - t)
}
guard let reference = loaded else { fatalError("données de référence non chargées") }
loads.sort()
let loadMs = Double(loads[2].components.attoseconds) / 1e15 + Double(loads[2].components.seconds) * 1e3
print(
    "Chargement des données de référence           médiane \(fmt(loadMs)) ms (5 essais) "
        + "\(loadMs < 300 ? "ok (cible < 300 ms)" : "AU-DESSUS de la cible 300 ms")"
)

// 2. The contract's example with a 240-month loan.
var c = RenovationCase()
c.applicant.kind = .ownerOccupier
c.applicant.ownership = .full
c.applicant.jointOwners = 1
c.applicant.household = Household(employment: .privateSector, householdSize: 3, referenceTaxIncome: .euros(25_000))
c.dwelling = Dwelling(insee: InseeCode("01053"), postalCode: PostalCode("01000"), principalResidence: true)
c.works = Works(
    insulation: true, insulationNotNeededPerDiagnosis: false, heatingReplacement: false,
    renewableHeatingOrHotWater: false)
var plan = FinancingPlanInput()
plan.amoFee = .euros(1_200)
plan.companies = [
    WorksCompany(
        siret: "73282932000074", name: "Isol'Est", rge: true, mainWorks: .euros(15_000), inducedWorks: .euros(1_000))
]
plan.loanOnlyWorks = .euros(30_000)
plan.monthlyIncome = .euros(2_500)
plan.monthlyCharges = .euros(500)
plan.loan = LoanRequest(amount: .euros(30_000), months: 240, deferralMonths: 12)
c.plan = plan
let day = Day(iso: "2024-06-15")!
let parameters = RenovationParameters.builtIn
let check = RenovationSimulation.run(c, on: day, parameters: parameters, reference: reference)
precondition(
    check.eligibility.eligible && check.financing?.loan?.lines.count == 240,
    "benchmark case must be eligible with a 240-month loan")

measure("Éligibilité seule (RENO-E1…E8)", iterations: 200_000, target: 2) {
    var w: [Warning] = []
    blackHole(Eligibility.evaluate(c, on: day, reference: reference, warnings: &w))
}
measure("Simulation complète (éligibilité + plan + 240 mois)", iterations: 100_000, target: 20) {
    blackHole(RenovationSimulation.run(c, on: day, parameters: parameters, reference: reference))
}
measure("Échéancier seul (240 mois, différé 12)", iterations: 100_000, target: nil) {
    blackHole(LoanSchedule(amount: .euros(30_000), months: 240, deferralMonths: 12, annualRate: .percent(3)))
}
let body = Array(
    ("""
    {"reference_date":"2024-06-15","applicant":{"kind":"owner_occupier","ownership":"full","joint_owners":1,"employment":"private_sector","household_size":3,"reference_tax_income":2500000},
     "dwelling":{"insee_code":"01053","postal_code":"01000","principal_residence":true},"works":{"insulation":true},
     "plan":{"amo_fee":120000,"companies":[{"siret":"73282932000074","name":"Isol'Est","rge":true,"main_works":1500000,"induced_works":100000}],
     "loan_only_works":3000000,"monthly_income":250000,"monthly_charges":50000,"loan":{"amount":3000000,"months":240,"deferral_months":12}}}
    """).utf8)
measure("JSON du contrat : décodage + simulation + encodage", iterations: 20_000, target: nil) {
    if case .success(let d) = SimulationRequestDecoder.decode(body, today: day) {
        blackHole(
            SimulationResponseEncoder.encodeBytes(
                RenovationSimulation.run(
                    d.renovationCase, on: d.referenceDate, parameters: parameters, reference: reference)))
    }
}
let decodedCase = try! SimulationRequestDecoder.decode(body, today: day).get()
let simulated = RenovationSimulation.run(
    decodedCase.renovationCase, on: day, parameters: parameters, reference: reference)
measure("  dont décodage JSON de la demande", iterations: 20_000, target: nil) {
    blackHole(SimulationRequestDecoder.decode(body, today: day))
}
measure(
    "  dont écriture de la réponse (\(SimulationResponseEncoder.encodeBytes(simulated).count) octets)",
    iterations: 20_000, target: nil
) {
    blackHole(SimulationResponseEncoder.encodeBytes(simulated))
}

JSONBench.run(day: day)
