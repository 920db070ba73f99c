import GuichetDomain
import GuichetViews
import Vapor

/// Public pages: home, the two programmes, data sources.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "", access: .everyone, use: home)
        routes.on(.GET, "renovation", access: .everyone, use: renovation)
        routes.on(.GET, "ami-drom", access: .everyone, use: ami)
        routes.on(.GET, "sources", access: .everyone, use: sources)
    }

    func home(req: Request) async throws -> Response {
        .html(HomePage.render(req.page(title: "Accueil")))
    }

    func renovation(req: Request) async throws -> Response {
        let today = req.application.clock.today
        let p = try await req.application.parameters.current(on: req.db).resolve(
            at: today, reference: req.application.referenceData)
        let facts = ProgrammePages.RenovationFacts(
            ceilingOwnerOccupier: p.ceilingOwnerOccupier, ceilingLandlord: p.ceilingLandlord,
            loanMaximum: p.loanMaximum,
            loanMaximumMonths: p.loanMaximumMonths, deferralMaximumMonths: p.deferralMaximumMonths,
            loanRate: p.loanRate, livretADate: today.lastDayOfPreviousYear)
        return .html(ProgrammePages.renovation(req.page(title: "Rénovation énergétique"), facts: facts))
    }

    func ami(req: Request) async throws -> Response {
        .html(ProgrammePages.ami(req.page(title: "AMI DROM")))
    }

    func sources(req: Request) async throws -> Response {
        .html(SourcesPage.render(req.page(title: "Sources des données")))
    }
}
