import GuichetDomain
import GuichetViews
import Vapor

/// `/instruction`: where instructors land, what their scope holds (issue #11).
struct InstructionController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "instruction", access: .roles([.instructeur, .comite, .administrateur]), use: home)
    }

    func home(req: Request) async throws -> Response {
        guard let p = req.principal else { throw Abort(.notFound) }
        let reference = req.application.referenceData
        let departments = SentFilings.departments(of: p.grants, reference: reference)
        let filings = try await SentFilings(db: req.db, reference: reference).list(departments: departments)
        let scope =
            departments.map { set in
                set.isEmpty
                    ? "aucun département (demandez à un administrateur de définir votre périmètre)"
                    : set.sorted().map { "\($0) \(reference.departments[$0]?.name ?? "")" }.joined(separator: ", ")
            } ?? "tous les départements"
        return .html(
            InstructionHome.render(req.page(), .init(scope: scope, filings: filings)))
    }
}
