/// Reading amounts as French users type them (`25 000`, `25000,50`, `25 000 €`) with
/// `Money(french:)`, at most 1 000 000 000 € in the questionnaire and parameter forms.
public enum FrenchInput {
    public static func euros(_ text: String) -> Money? {
        Money(french: text).flatMap { $0 <= .euros(1_000_000_000) ? $0 : nil }
    }
}
