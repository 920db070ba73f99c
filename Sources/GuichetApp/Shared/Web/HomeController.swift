import GuichetDomain
import GuichetViews
import Vapor

/// Public pages: home, the two programmes, data sources, and the public-service pages linked
/// from every footer (legal notice, personal data, accessibility, help).
struct HomeController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(.GET, "", access: .everyone, use: home)
        routes.on(.GET, "renovation", access: .everyone, use: renovation)
        routes.on(.GET, "ami-drom", access: .everyone, use: ami)
        routes.on(.GET, "sources", access: .everyone, use: sources)
        routes.on(.GET, "mentions-legales", access: .everyone, use: legalNotice)
        routes.on(.GET, "donnees-personnelles", access: .everyone, use: personalData)
        routes.on(.GET, "accessibilite", access: .everyone, use: accessibility)
        routes.on(.GET, "aide", access: .everyone, use: help)
    }

    func legalNotice(req: Request) async throws -> Response {
        .html(PublicServicePages.legalNotice(req.page(), operatorInfo(req)))
    }

    func personalData(req: Request) async throws -> Response {
        let retention = PublicServicePages.Retention(
            sessionIdleMinutes: req.application.guichetConfig.sessionIdleTimeout / 60)
        return .html(
            PublicServicePages.personalData(req.page(), operatorInfo(req), retention))
    }

    func accessibility(req: Request) async throws -> Response {
        .html(PublicServicePages.accessibility(req.page(), operatorInfo(req)))
    }

    func help(req: Request) async throws -> Response {
        .html(PublicServicePages.help(req.page(), operatorInfo(req)))
    }

    func operatorInfo(_ req: Request) -> PublicServicePages.Operator { req.application.guichetConfig.operatorInfo }

    func home(req: Request) async throws -> Response {
        .html(HomePage.render(req.page()))
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
        return .html(ProgrammePages.renovation(req.page(), facts: facts))
    }

    func ami(req: Request) async throws -> Response {
        .html(ProgrammePages.ami(req.page()))
    }

    func sources(req: Request) async throws -> Response {
        .html(SourcesPage.render(req.page()))
    }
}
