import Foundation
import GuichetDomain
import Testing

@testable import GuichetViews

/// Issue #9: every text a page model carries, rendered with markup in it, comes out escaped,
/// in text nodes and in attributes alike (titles, class names, ids, link and form addresses,
/// hidden fields, values, labels).
@Suite struct EscapingTests {
    /// What an attacker would put in an organisation name or a file name.
    static let p = #"x"'<>&<meta http-equiv="refresh" content="0;url=https://evil.example">"#

    /// The payload's markup may never reach the output as markup.
    static func expectEscaped(_ html: String, sourceLocation: SourceLocation = #_sourceLocation) {
        // Text nodes may show the quotes as they are; markup and attribute break-outs never.
        let injectedTag = html.contains("<meta http-equiv=\"refresh\"")
        let rawMarkup = html.contains("'<>")
        let shownEscaped = html.contains("&lt;meta")
        #expect(!injectedTag, "the payload became a tag", sourceLocation: sourceLocation)
        #expect(!rawMarkup, "the payload's markup was written raw", sourceLocation: sourceLocation)
        #expect(shownEscaped, "the payload is shown, escaped", sourceLocation: sourceLocation)
    }

    static var page: PageModel {
        var m = PageModel(
            title: p, currentPath: p, navigation: [.init(p, p)], accountLinks: [.init(p, p)],
            flashes: [.init(.error, p), .init(.success, p)], demo: true, version: p)
        m.account = .init(displayName: p, csrfToken: p, idleExpiry: p)
        return m
    }

    static var form: FormPageModel {
        let choices = [Choice(p, p, hint: p), Choice("b", p)]
        return FormPageModel(
            heading: p, intro: [p], action: p,
            fields: [
                .input(name: p, label: p, type: "text", hint: p, autocomplete: p),
                .radios(name: p, legend: p, choices: choices, hint: p),
                .select(name: p, label: p, choices: choices, hint: p),
                .checkbox(name: p, label: p, hint: p),
                .textarea(name: p, label: p, hint: p),
                .file(name: p, label: p, hint: p, accept: p),
                .heading(p),
                .paragraph(p),
            ],
            submit: p,
            state: FormState(values: [p: p], errors: [.init(field: p, message: p)], csrfToken: p))
    }

    @Test func layoutAndEveryFormField() {
        Self.expectEscaped(FormPage.render(Self.page, Self.form))
    }

    @Test func everyInfoBlock() {
        let p = Self.p
        let blocks: [InfoPageModel.Block] = [
            .paragraph(p), .heading(p), .table(caption: p, headers: [p], rows: [[p]]), .links([(p, p)]), .code(p),
            .button(action: p, label: p, hidden: [(p, p)], csrf: p), .form(Self.form),
            .progress(label: p, permille: 1, detail: p, pollURL: p, refreshURL: p),
            .upload(action: p, label: p, hint: p, accept: p, submit: p, csrf: p),
            .definitions([(p, p)]), .notice(.warning, p), .preview(url: p, image: true, title: p),
            .preview(url: p, image: false, title: p),
            .page(label: p, lines: [PageLine(p, bold: true), PageLine(p, bold: false)]),
        ]
        for block in blocks {
            Self.expectEscaped(InfoPage.render(Self.page, InfoPageModel(heading: p, blocks: [block])))
        }
    }

    @Test func eligibilityTestPages() {
        let p = Self.p
        let choices = [Choice(p, p, hint: p)]
        let step = EligibilityTestPages.StepModel(
            step: p, stepNumber: 1, stepCount: 2,
            questions: [
                .radios(name: p, legend: p, choices: choices, hint: p),
                .input(name: p, label: p, hint: p, suffix: p, inputmode: p),
                .select(name: p, label: p, choices: choices, hint: p),
            ],
            carried: [(p, p)], state: FormState(values: [p: p], errors: [.init(field: p, message: p)], csrfToken: p))
        Self.expectEscaped(EligibilityTestPages.step(Self.page, step))
        let result = EligibilityTestPages.ResultModel(
            eligible: false, criteria: [.init(rule: p, status: p, title: p, message: p)], facts: [(p, p)],
            warnings: [p], restartURL: p, editURL: p, parametersVersion: p)
        Self.expectEscaped(EligibilityTestPages.result(Self.page, result))
    }

    @Test func fixedPagesInTheLayout() {
        Self.expectEscaped(HomePage.render(Self.page))
        Self.expectEscaped(SourcesPage.render(Self.page))
        Self.expectEscaped(ProgrammePages.ami(Self.page))
        Self.expectEscaped(ErrorPage.render(status: 500, page: Self.page, reference: Self.p))
    }

    @Test func plotModifiersAreShadowedByEscapingOnes() {
        let link: Component = Link(Self.p, url: Self.p)
        Self.expectEscaped(link.render())
        // `.class` and `.id` are called inside GuichetViews, where its escaping versions shadow
        // Plot's: a page's classes and ids carry the payload in `layoutAndEveryFormField`.
        let form: Component = Form(url: Self.p) { Text(Self.p) }
        Self.expectEscaped(form.render())
    }
}

/// Issue #10's page models, with the payload in every text they carry.
@Suite struct PageModelEscapingTests {
    static let p = EscapingTests.p

    @Test func administrationPages() {
        let p = Self.p
        let page = EscapingTests.page
        EscapingTests.expectEscaped(
            JournalPage.render(
                page,
                .init(
                    integrity: .problems([p]),
                    entries: [
                        .init(seq: 1, at: Date(), actorLabel: p, actorRole: p, action: p, object: p, clientAddress: p)
                    ],
                    next: NextPage(label: p, href: p))))
        EscapingTests.expectEscaped(
            StaffAccountsPage.render(
                page,
                .init(
                    rows: [.init(name: p, email: p, roles: [(role: .instructeur, scope: [p])], activated: true)],
                    next: NextPage(label: p, href: p), form: FormState(values: ["name": p], csrfToken: p))))
        EscapingTests.expectEscaped(
            JobsPage.render(
                page,
                .init(
                    counts: [.init(state: p, count: 1)],
                    rows: [
                        .init(
                            id: JobID(), kind: p, state: p, isDead: true, attempts: 1, maxAttempts: 1,
                            createdAt: Date(),
                            runAt: Date(), lastError: p)
                    ],
                    next: nil, csrfToken: p)))
        let request = AMORequest(
            siret: p, companyName: p, department: p, legalCivility: p, legalUsageName: p, legalBirthName: p,
            legalBirthDate: p, legalBirthCity: p, contactName: p, contactEmail: p, contactPhone: p)
        EscapingTests.expectEscaped(
            AMORequestsPage.render(
                page,
                .init(
                    pending: [
                        .init(id: OrganisationID(), request: request, name: p, siret: p, department: p, receivedAt: nil)
                    ],
                    decided: [.init(name: p, siret: p, status: .refused, reason: p)], next: nil, csrfToken: p)))
    }

    @Test func amiPages() {
        let p = Self.p
        let page = EscapingTests.page
        EscapingTests.expectEscaped(
            AMIHomePage.render(
                page,
                .filings(
                    organisation: p, siren: p,
                    campaigns: [.init(year: 2024, phase: p, departments: [.init(code: p, name: p, filing: .draft)])])))
        EscapingTests.expectEscaped(AMIHomePage.render(page, .notAccepted(message: p)))
        let upload = FilingPage.Upload(
            id: UploadID(), fileName: p, uploadedAt: Date(), check: .unreadable(p), isCurrent: true)
        EscapingTests.expectEscaped(
            FilingPage.render(
                page,
                .init(
                    year: 2024, department: p, departmentName: p, organisation: p, siren: p, phase: p, state: .draft,
                    closedMessage: p, maxUploadMB: 20, uploads: [upload],
                    sendForm: FormState(values: [p: p], csrfToken: p),
                    history: [.init(at: Date(), actor: p, text: p)], notice: (kind: .error, text: p), csrfToken: p)))
        let result = ProgrammingCheckResult(
            rowsWithValues: 1, errors: [.init(sheet: p, cell: p, header: p, value: p, message: p)],
            operations: [
                .init(
                    row: 1, reference: p, kind: p, product: p, dwellings: 1, costPrice: .zero,
                    loanRequested: .zero, checks: [.init(rule: p, status: .fail, message: p)])
            ],
            synthesis: .init(
                operations: 1, dwellings: 1, costPrice: .zero, loanRequested: .zero, byType: [], byProduct: []),
            cachedDifferences: [.init(label: p, file: p, computed: p)])
        EscapingTests.expectEscaped(
            UploadPage.render(
                page,
                .init(
                    fileName: p, state: .checked(result, errorCount: 1), filingPath: p, pagePath: p)))
    }
}

extension PageModelEscapingTests {
    @Test func landlordPages() throws {
        let p = Self.p
        let siren = try #require(Siren("732829320"))
        let page = EscapingTests.page
        EscapingTests.expectEscaped(LandlordPages.registration(page, FormState(values: ["name": p], csrfToken: p)))
        let identification = LandlordIdentification(
            name: p, siren: siren, kind: .esh, address: p, postalCode: p, city: p, contactName: p, contactEmail: p,
            contactPhone: p)
        EscapingTests.expectEscaped(
            LandlordPages.organisation(
                page,
                .init(
                    name: p, siren: p, status: .refused, decisionReason: p, identification: identification,
                    members: [
                        .init(id: UserID(), name: p, email: p, activated: true, isViewer: false),
                        .init(id: UserID(), name: p, email: p, activated: false, isViewer: true),
                    ],
                    invitations: [.init(email: p, expiresAt: Date())],
                    inviteForm: FormState(values: ["email": p], csrfToken: p),
                    csrfToken: p)))
    }
}

extension PageModelEscapingTests {
    @Test func accountPages() {
        let p = Self.p
        let page = EscapingTests.page
        let state = FormState(
            values: ["email": p, "name": p], errors: [.init(field: "email", message: p)], csrfToken: p)
        EscapingTests.expectEscaped(AuthPages.signIn(page, action: p, state))
        EscapingTests.expectEscaped(AuthPages.signUp(page, state))
        EscapingTests.expectEscaped(AuthPages.signUpSent(page, email: p))
        EscapingTests.expectEscaped(AuthPages.forgot(page, state))
        EscapingTests.expectEscaped(AuthPages.forgotSent(page, email: p))
        EscapingTests.expectEscaped(AuthPages.reset(page, token: p, state))
    }
}

extension PageModelEscapingTests {
    @Test func myAccountPages() {
        let p = Self.p
        let page = EscapingTests.page
        let state = FormState(values: ["email": p], errors: [.init(field: "email", message: p)], csrfToken: p)
        EscapingTests.expectEscaped(
            AccountPages.account(
                page,
                .init(
                    displayName: p, email: p, roles: [(role: .instructeur, scope: [p])], passwordForm: state,
                    emailForm: state)))
        EscapingTests.expectEscaped(
            AccountPages.tokens(
                page,
                .init(
                    tokens: [.init(id: APITokenID(), name: p, createdAt: Date(), lastUsedAt: nil, revoked: false)],
                    created: p,
                    form: state, csrfToken: p)))
    }
}

extension PageModelEscapingTests {
    @Test func amoPages() {
        let p = Self.p
        let page = EscapingTests.page
        let state = FormState(values: ["siret": p], errors: [.init(field: "siret", message: p)], csrfToken: p)
        EscapingTests.expectEscaped(AMOPages.request(page, departments: [(code: p, name: p)], state))
        EscapingTests.expectEscaped(AMOPages.requestSent(page, company: p, email: p))
        EscapingTests.expectEscaped(
            AMOPages.directory(
                page, query: p, department: p, entries: [.init(name: p, siret: p, department: p, departmentName: p)]))
    }
}

extension PageModelEscapingTests {
    @Test func campaignPages() throws {
        let p = Self.p
        let page = EscapingTests.page
        EscapingTests.expectEscaped(
            CampaignPages.list(
                page,
                [
                    .init(year: 2024, phase: p, departments: [p], sent: 0, filings: 1, examples: true)
                ]))
        let state = FormState(values: ["year": p], errors: [.init(field: "year", message: p)], csrfToken: p)
        EscapingTests.expectEscaped(
            CampaignPages.form(page, year: nil, departmentNames: ["974": p], state, existing: 2024))
        let day = try #require(Day(year: 2024, month: 5, day: 1))
        let opens = try #require(CivilTime(day: day, hhmm: "08:00"))
        let closes = try #require(CivilTime(day: day, hhmm: "23:59"))
        let window = try #require(CampaignWindow(opens: opens, closes: closes, zone: .current))
        let campaign = Campaign(
            year: 2024, departments: ["974"], window: window, envelopes: [:],
            parameters: CampaignParameters(quotites: [:], bareme: [:], examples: true))
        EscapingTests.expectEscaped(
            CampaignPages.show(
                page, campaign: campaign,
                filings: [.init(department: p, landlord: p, state: .draft, sentAt: nil, synthesis: nil)],
                departmentNames: ["974": p], form: state))
    }
}

extension PageModelEscapingTests {
    @Test func invitationPages() {
        let p = Self.p
        let page = EscapingTests.page
        let state = FormState(values: ["name": p], errors: [.init(field: "name", message: p)], csrfToken: p)
        for visitor: InvitationPage.Visitor in [.invitee, .otherAccount, .hasAccount, .newAccount(state)] {
            EscapingTests.expectEscaped(
                InvitationPage.render(
                    page,
                    .init(
                        token: p, email: p, organisation: p, siren: p, visitor: visitor, csrfToken: p)))
        }
    }
}

extension PageModelEscapingTests {
    @Test func parametersPage() {
        let p = Self.p
        let state = FormState(values: ["source": p], errors: [.init(field: "source", message: p)], csrfToken: p)
        EscapingTests.expectEscaped(
            ParametersPage.render(
                EscapingTests.page,
                .init(
                    parameters: .builtIn, livretA: [], anahCeilings: [],
                    versions: [.init(number: 1, createdAt: nil, author: p, note: p)], seriesForm: state,
                    livretForm: state,
                    anahForm: state)))
    }

    /// Issue #13: the instructor's queue, the review and the signature pages.
    @Test func instructionAndSignaturePages() {
        let p = EscapingTests.p
        let row = InstructionQueuePage.Row(
            reference: p, href: p, id: p, beneficiary: p, department: p, state: p, amo: p, amount: p, filed: p,
            assignee: p)
        let queue = InstructionQueuePage.Model(
            scope: p, tabs: [.init(label: p, count: 1, href: p, current: true)],
            filters: FormState(values: ["q": p], errors: [], csrfToken: p), departments: [Choice(p, p)],
            amos: [Choice(p, p)], rows: [row], next: p, query: p, csrf: p)
        EscapingTests.expectEscaped(InstructionQueuePage.render(EscapingTests.page, queue))
        let context = DossierContext(reference: p, href: p, beneficiary: p, state: p, amo: p, actingFor: p)
        var review = DossierReviewPage.Model(
            context: context, path: p, dossierPath: p, version: 1, state: .inInstruction, mayInstruct: true,
            form: FormState(values: [p: p], errors: [.init(field: p, message: p)], csrfToken: p))
        review.files = [(p, p)]
        review.documents = [.init(key: p, label: p, details: [(p, p)], previewURL: p, image: false)]
        review.history = [.init(at: p, who: p, text: p)]
        review.notes = [.init(at: p, author: p, body: p, attachment: (p, p))]
        review.trace = RuleTraceComparison.compare(filed: [.init(rule: p, status: p, message: p)], today: [])
        EscapingTests.expectEscaped(DossierPage.render(EscapingTests.page, DossierReviewPage.model(review)))
        let state = FormState(values: ["code": p], errors: [.init(field: "code", message: p)], csrfToken: p)
        for model in [
            SignaturePages.reading(
                context: context, path: p, number: 1, count: 2, lines: [PageLine(p, bold: true)], allRead: true,
                notices: [(.info, p)]),
            SignaturePages.conditionsPage(context: context, path: p, state: state),
            SignaturePages.codePage(context: context, path: p, state: state, sms: p, email: p, sent: p),
            SignaturePages.recap(context: context, path: p, state: state, rows: [(p, p)], code: p, version: 1),
        ] {
            EscapingTests.expectEscaped(DossierPage.render(EscapingTests.page, model))
        }
    }
}
