import Testing

@testable import GuichetViews

@Suite struct FormKitTests {
    func render(_ c: Component) -> String { c.render() }

    @Test func inputKeepsValueAndTiesErrorAndHint() {
        let state = FormState(
            values: ["income": "vingt <mille>"], errors: [.init(field: "income", message: "Montant illisible")])
        let html = render(FormKit.input(state, name: "income", label: "Revenu", hint: "En euros"))
        #expect(html.contains(#"<label for="champ-income">Revenu</label>"#))
        #expect(html.contains(#"value="vingt &lt;mille&gt;""#), "typed value kept, escaped")
        #expect(html.contains(#"aria-invalid="true""#))
        #expect(html.contains(#"aria-describedby="champ-income-aide champ-income-erreur""#))
        #expect(html.contains("Montant illisible"))
    }

    @Test func passwordsAreNeverEchoed() {
        let html = render(
            FormKit.input(FormState(values: ["pw": "secret"]), name: "pw", label: "Mot de passe", type: "password"))
        #expect(!html.contains("secret"))
    }

    @Test func errorSummaryLinksToEachField() {
        let state = FormState(errors: [.init(field: "a", message: "A manque"), .init(field: "b.c", message: "B faux")])
        let html = render(FormKit.errorSummary(state))
        #expect(html.contains("Le formulaire contient 2 erreurs"))
        #expect(html.contains(##"href="#champ-a""##))
        #expect(html.contains(##"href="#champ-b-c""##))
        #expect(html.contains(#"role="alert""#))
        #expect(render(FormKit.errorSummary(FormState())).isEmpty)
    }

    @Test func radiosKeepTheChoice() {
        let html = render(
            FormKit.radios(
                FormState(values: ["k": "b"]), name: "k", legend: "Choix",
                choices: [Choice("a", "A"), Choice("b", "B")]))
        #expect(html.contains("<legend>Choix</legend>"))
        #expect(html.contains(#"value="b" checked="checked""#))
        #expect(!html.contains(#"value="a" checked"#))
    }

    @Test func layoutIsFrenchWithNavigationAndFlash() {
        let page = PageModel(
            title: "Essai", currentPath: "/renovation", flashes: [.init(.success, "Enregistré")], demo: true)
        let html = Layout.render(page) { Paragraph("Contenu") }
        #expect(html.contains(#"<html lang="fr">"#))
        #expect(html.contains("DÉMONSTRATION"))
        #expect(html.contains(#"<a href="/renovation" aria-current="page">"#))
        #expect(html.contains("Enregistré"))
        #expect(html.contains("<title>Essai · Guichet Action Logement</title>"))
    }

    @Test(arguments: [403, 404, 500])
    func errorPagesSayNothingInternal(status: Int) {
        let html = ErrorPage.render(
            status: status, page: PageModel(title: "x", currentPath: "/"), reference: status == 500 ? "ab12cd34" : nil)
        #expect(html.contains(ErrorPage.wording(status).0))
        if status == 500 { #expect(html.contains("ab12cd34")) }
    }
}
