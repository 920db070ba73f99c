import Testing

@testable import GuichetDomain

/// Issue #11: messages begin with a capital and end with one full stop; French collation;
/// search words without accents, apostrophes or punctuation.
@Suite struct FrenchTextTests {
    @Test(arguments: [
        ("fichier illisible..", "Fichier illisible."), ("déjà envoyé", "Déjà envoyé."),
        ("Envoyé. ", "Envoyé."), ("Pourquoi ?", "Pourquoi ?"), ("Choisissez :", "Choisissez :"),
        ("", ""), ("écart (AMI-X)", "Écart (AMI-X)."),
    ])
    func sentence(text: String, expected: String) {
        #expect(FrenchText.sentence(text) == expected)
    }

    @Test func clauseDropsTheFinalStops() {
        #expect(FrenchText.clause("la partie manque. ") == "la partie manque")
        #expect(
            "Fichier illisible : \(FrenchText.clause("zip invalide.")). Déposez."
                == "Fichier illisible : zip invalide. Déposez.")
    }

    @Test func frenchCollationIgnoresAccentsAndCase() {
        let names = ["Saint-Victor", "Saint-Éloi", "saint-andré", "Œuvre", "Oeillet", "Zèbre", "Étang"]
        #expect(
            FrenchText.sorted(names, by: { $0 })
                == ["Étang", "Oeillet", "Œuvre", "saint-andré", "Saint-Éloi", "Saint-Victor", "Zèbre"])
    }

    @Test func searchWordsFoldAccentsApostrophesAndPunctuation() {
        #expect(FrenchText.searchWords("Rénov'Conseil") == ["renov", "conseil"])
        #expect(FrenchText.searchWords("  rénov conseil ") == ["renov", "conseil"])
        #expect(FrenchText.searchWords("L’Habitat-Sud, S.A.") == ["l", "habitat", "sud", "s", "a"])
    }
}

@Suite struct DirectorySearchTests {
    @Test(arguments: [
        ("", true), ("rénov conseil", true), ("Renov'Conseil", true), ("renovconseil", true), ("conseil", true),
        ("732", true), ("732 829 320", true), ("73282932000074", true), ("zzz1", false), ("2932", false),
        ("onseil", false), ("00074", false), ("rénov bâtiment", false),
    ])
    func matches(query: String, expected: Bool) {
        #expect(DirectorySearch(query).matches(name: "Rénov'Conseil", siret: "73282932000074") == expected)
    }
}
