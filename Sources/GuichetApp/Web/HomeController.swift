import Vapor
import GuichetDomain
import GuichetViews

/// Public pages: home, the two programmes, data sources.
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.get(use: home)
        routes.get("renovation", use: renovation)
        routes.get("ami-drom", use: ami)
        routes.get("sources", use: sources)
    }

    func home(req: Request) async throws -> Response {
        .html(HomePage.render(req.page(title: "Accueil")))
    }

    func renovation(req: Request) async throws -> Response {
        let today = req.application.clock.today
        let p = try await req.application.parameters.current(on: req.db).resolve(at: today, reference: req.application.referenceData)
        let facts = ProgrammePages.RenovationFacts(
            ceilingOwnerOccupier: p.ceilingOwnerOccupier, ceilingLandlord: p.ceilingLandlord, loanMaximum: p.loanMaximum,
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
