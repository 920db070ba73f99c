/// The only scripts the platform runs, written inline in the page and allowed by the content
/// security policy through their SHA-256 hash (`SecurityHeadersMiddleware`). Every page works
/// without them: they enhance, they are never needed (issue #11: progress without reloading).
public enum InlineScript: String, Sendable, CaseIterable {
    /// Follows a long job: polls the JSON progress address given by `data-progress-url`,
    /// updates the `<progress>` bar, announces the stage and each quarter in an `aria-live`
    /// region (not every second: a screen reader would speak without end), hides the
    /// « Actualiser » button it makes useless, and, when the job ends, completes the bar and opens
    /// the result (one reload, never a periodic one). Twice a second: the runner writes every 250 ms.
    case progress
    /// The financing plan computed as it is typed (issue #12): the plan's form is sent, without
    /// saving, to its `…/calcul` address a moment after the last key, and the polite live region
    /// at the top of the page says the subsidy and the remaining cost. « Enregistrer et calculer »
    /// does the same without script.
    case planLive

    public var source: String {
        switch self {
        case .progress: Self.progressSource
        case .planLive: Self.planLiveSource
        }
    }

    private static let planLiveSource = """
        (function () {
          "use strict";
          var form = document.querySelector("form[action$='/plan-de-financement']");
          var out = document.querySelector("[data-plan-live]");
          if (!form || !out || !window.fetch || !window.URLSearchParams) { return; }
          var timer = null;
          function compute() {
            fetch(form.getAttribute("action") + "/calcul", {
              method: "POST", credentials: "same-origin",
              headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" },
              body: new URLSearchParams(new FormData(form)).toString()
            })
              .then(function (r) { return r.ok ? r.json() : null; })
              .then(function (p) { if (p && p.text) { out.textContent = p.text; } })
              .catch(function () {});
          }
          form.addEventListener("input", function () {
            if (timer) { window.clearTimeout(timer); }
            timer = window.setTimeout(compute, 500);
          });
        })();
        """

    private static let progressSource = """
        (function () {
          "use strict";
          var box = document.querySelector("[data-progress-url]");
          if (!box || !window.fetch) { return; }
          var bar = box.querySelector("progress");
          var label = box.querySelector("[data-progress-label]");
          var live = box.querySelector("[data-progress-live]");
          var refresh = box.querySelector("[data-progress-refresh]");
          var url = box.getAttribute("data-progress-url");
          var spoken = "";
          var failures = 0;
          if (refresh) { refresh.hidden = true; }
          function show(p) {
            var percent = Math.floor(p.permille / 10);
            bar.value = p.permille;
            bar.textContent = percent + "\\u00a0%";
            label.textContent = box.getAttribute("data-progress-title") + " : " + percent + "\\u00a0%";
            var said = p.stage + " (" + (Math.floor(percent / 25) * 25) + "\\u00a0%)";
            if (said !== spoken) { live.textContent = p.stage + " : " + percent + "\\u00a0%."; spoken = said; }
          }
          function tick() {
            fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
              .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
              .then(function (p) {
                failures = 0;
                if (p.status !== "checking") {
                  // The bar completes and the end is announced before the result opens.
                  show({ permille: 1000, stage: "Vérification terminée" });
                  live.textContent = "Vérification terminée : ouverture du résultat.";
                  window.setTimeout(function () { window.location.reload(); }, 800);
                  return;
                }
                show(p);
                window.setTimeout(tick, 500);
              })
              .catch(function () {
                failures += 1;
                if (failures >= 3) { if (refresh) { refresh.hidden = false; } return; }
                window.setTimeout(tick, 2000);
              });
          }
          window.setTimeout(tick, 500);
        })();
        """
}
