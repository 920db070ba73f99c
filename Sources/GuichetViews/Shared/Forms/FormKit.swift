import GuichetDomain

/// Accessible form pieces (DSFR-like conventions): a label for every control, the hint and the
/// error tied by `aria-describedby`, `aria-invalid` on fields in error, an error summary at the
/// top linking to each field, and the typed value always shown again.
public enum FormKit {
    /// The summary shown above a refused form, every error at once in the order of the fields,
    /// each linking to its field. The page opens on it: `autofocus` moves the focus there
    /// without script (issue #11), and `role="alert"` has it read.
    public static func errorSummary(_ state: FormState) -> Component {
        if !state.hasErrors { return EmptyComponent() }
        return Div {
            H2(
                state.errors.count == 1
                    ? "Le formulaire contient une erreur" : "Le formulaire contient \(state.errors.count) erreurs")
            List(state.orderedErrors) { e in Link(FrenchText.sentence(e.message), url: "#" + state.fieldID(e.field)) }
        }.class("error-summary").attr("role", "alert").attr("tabindex", "-1").attr("autofocus", "autofocus")
            .id(state.idPrefix + "resume-erreurs")
    }

    static func describedBy(_ state: FormState, _ name: String, hint: String?, error: String?) -> String? {
        let id = state.fieldID(name)
        let ids = [hint != nil ? id + "-aide" : nil, error != nil ? id + "-erreur" : nil].compactMap { $0 }
        return ids.isEmpty ? nil : ids.joined(separator: " ")
    }

    @ComponentBuilder
    public static func hintAndError(_ state: FormState, _ name: String, hint: String?, error: String?) -> Component {
        if let hint { Paragraph(hint).class("hint").id(state.fieldID(name) + "-aide") }
        if let error {
            Paragraph {
                Span("Erreur : ").class("visually-hidden")
                Text(FrenchText.sentence(error))
            }.class("field-error").id(state.fieldID(name) + "-erreur")
        }
    }

    /// A text-like input (`text`, `email`, `number`, `date`, `password`, `tel`).
    public static func input(
        _ state: FormState, name: String, label: String, type: String = "text", hint: String? = nil,
        required: Bool = false, inputmode: String? = nil, autocomplete: String? = nil,
        suffix: String? = nil
    ) -> Component {
        let error = state.error(name)
        return Div {
            Label(label) {}.attr("for", state.fieldID(name))
            hintAndError(state, name, hint: hint, error: error)
            Div {
                VoidEl(
                    "input",
                    [
                        ("type", type), ("id", state.fieldID(name)), ("name", name),
                        ("value", type == "password" ? "" : state.value(name)),
                    ]
                        + (required ? [("required", "required")] : [])
                        + (inputmode.map { [("inputmode", $0)] } ?? [])
                        + (autocomplete.map { [("autocomplete", $0)] } ?? [])
                        + (error != nil ? [("aria-invalid", "true")] : [])
                        + (describedBy(state, name, hint: hint, error: error).map { [("aria-describedby", $0)] } ?? []))
                if let suffix { Span(suffix).class("input-suffix").attr("aria-hidden", "true") }
            }.class("input-line")
        }.class(error == nil ? "field" : "field field-invalid")
    }

    /// A `<textarea>` keeping what was typed.
    public static func textarea(_ state: FormState, name: String, label: String, hint: String? = nil) -> Component {
        let error = state.error(name)
        return Div {
            Label(label) {}.attr("for", state.fieldID(name))
            hintAndError(state, name, hint: hint, error: error)
            HTMLElement(
                "textarea",
                attributes: ([("id", state.fieldID(name)), ("name", name), ("rows", "4")]
                    + (error != nil ? [("aria-invalid", "true")] : [])
                    + (describedBy(state, name, hint: hint, error: error).map { [("aria-describedby", $0)] } ?? []))
                    .map { HTMLAttribute($0.0, $0.1) },
                content: Text(state.value(name)))
        }.class(error == nil ? "field" : "field field-invalid")
    }

    /// A group of radio buttons in a fieldset with its legend.
    public static func radios(
        _ state: FormState, name: String, legend: String, choices: [Choice], hint: String? = nil
    ) -> Component {
        let error = state.error(name)
        return FieldSet {
            El("legend", text: legend)
            hintAndError(state, name, hint: hint, error: error)
            for (n, choice) in choices.enumerated() {
                let id = n == 0 ? state.fieldID(name) : state.fieldID(name) + "-\(n)"
                Div {
                    VoidEl(
                        "input",
                        [("type", "radio"), ("id", id), ("name", name), ("value", choice.value)]
                            + (state.value(name) == choice.value ? [("checked", "checked")] : [])
                            + (error != nil ? [("aria-invalid", "true")] : []))
                    Label(choice.label) {}.attr("for", id)
                    if let h = choice.hint { Paragraph(h).class("hint") }
                }.class("choice")
            }
        }.class(error == nil ? "field" : "field field-invalid")
            .attr("aria-describedby", describedBy(state, name, hint: hint, error: error))
    }

    /// A drop-down list.
    public static func select(
        _ state: FormState, name: String, label: String, choices: [Choice], hint: String? = nil,
        placeholder: String = "Choisir…"
    ) -> Component {
        let error = state.error(name)
        return Div {
            Label(label) {}.attr("for", state.fieldID(name))
            hintAndError(state, name, hint: hint, error: error)
            El("select") {
                El("option", text: placeholder).attr("value", "")
                for c in choices {
                    El("option", text: c.label).attr("value", c.value)
                        .attr("selected", state.value(name) == c.value ? "selected" : nil)
                }
            }.id(state.fieldID(name)).attr("name", name)
                .attr("aria-invalid", error != nil ? "true" : nil)
                .attr("aria-describedby", describedBy(state, name, hint: hint, error: error))
        }.class(error == nil ? "field" : "field field-invalid")
    }

    /// A hidden field (state carried between the steps of a form without JavaScript).
    public static func hidden(_ name: String, _ value: String) -> Component {
        VoidEl("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    /// The anti-CSRF token of state-changing forms.
    public static func csrf(_ state: FormState) -> Component {
        state.csrfToken.isEmpty ? EmptyComponent() : hidden("_csrf", state.csrfToken)
    }

    public static func submit(
        _ title: String, name: String? = nil, value: String? = nil, secondary: Bool = false
    ) -> Component {
        Button { Text(title) }.attr("type", "submit").attr("name", name).attr("value", value)
            .class(secondary ? "button button-secondary" : "button")
    }
}
