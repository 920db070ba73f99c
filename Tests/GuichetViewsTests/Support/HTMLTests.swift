import Testing

@testable import GuichetViews

/// The pages' HTML writer (`Shared/HTML`), which replaced Plot's rendering: the same markup for
/// the same views, every text and attribute escaped once, classes merged, attributes given to a
/// component reaching its first element.
@Suite struct HTMLTests {
    @Test func elementsTextsAndVoidElements() {
        let html = Div {
            Paragraph("a < b & c > d")
            VoidEl("input", [("type", "checkbox"), ("checked", ""), ("value", "x\"y")])
        }.class("box").render()
        #expect(
            html
                == #"<div class="box"><p>a &lt; b &amp; c &gt; d</p><input type="checkbox" checked value="x&quot;y"/></div>"#
        )
    }

    @Test func classesAddUpOtherAttributesReplaceAndNilIsLeftOut() {
        let html = Span("s").class("a").class("b").id("one").id("two").attr("title", nil).render()
        #expect(html == #"<span class="a b" id="two">s</span>"#)
    }

    @Test func attributesOfAComponentGoToItsFirstElement() {
        let group = ComponentGroup(members: [Text("avant "), Link("lien", url: "/x?a=1&b=2"), Span("après")])
        let html = group.class("premier").attr("aria-label", "L'étiquette").render()
        #expect(
            html
                == #"avant <a href="/x?a=1&amp;b=2" class="premier" aria-label="L&#39;étiquette">lien</a><span>après</span>"#
        )
    }

    @Test func listsWrapTheirItemsOnce() {
        let html = List {
            ListItem { Text("déjà") }.class("item")
            Text("enveloppé")
            for n in 1...2 { Text("\(n)") }
        }.render()
        #expect(html == #"<ul><li class="item">déjà</li><li>enveloppé</li><li>1</li><li>2</li></ul>"#)
        #expect(List(["a", "<b>"]).render() == "<ul><li>a</li><li>&lt;b&gt;</li></ul>")
    }

    @Test func builderBranches() {
        func page(_ flag: Bool, _ name: String?) -> String {
            Div {
                if flag { Text("oui") } else { Text("non") }
                if let name { Span(name) }
            }.render()
        }
        #expect(page(true, "x") == "<div>oui<span>x</span></div>")
        #expect(page(false, nil) == "<div>non</div>")
    }

    @Test func longTokensAreFoundInScalarsNotBytes() {
        #expect(DataTable.hasLongToken(String(repeating: "a", count: 33)))
        #expect(!DataTable.hasLongToken(String(repeating: "a", count: 32) + " " + String(repeating: "b", count: 32)))
        // 32 accented letters are 64 bytes but 32 characters.
        #expect(!DataTable.hasLongToken(String(repeating: "é", count: 32)))
        #expect(DataTable.hasLongToken("sha256 " + String(repeating: "f", count: 64)))
    }
}
