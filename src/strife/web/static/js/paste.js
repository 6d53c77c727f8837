// "Paste an article": POST /api/extract shows the events on their own map layer before anything
// is stored; saving (POST /api/articles) needs an API token.

import { api } from "./api.js";
import { h, replace } from "./dom.js";
import { eventLabel } from "./map.js";

export function setupPaste({ form, result, saveForm, clearButton, map, openReport, onSaved, onError }) {
  let extraction = null;

  const body = () => {
    const data = new FormData(form);
    const value = (k) => String(data.get(k) ?? "").trim() || null;
    return { text: String(data.get("text") ?? ""), published: value("published"), language: value("language"), title: value("title"), url: value("url") };
  };

  const clear = () => {
    extraction = null;
    map.clearPasted();
    result.replaceChildren();
    saveForm.hidden = true;
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    replace(result, h("p", { class: "hint" }, "Extracting…"));
    try {
      extraction = await api.extract(body());
      const reports = extraction.reports;
      const select = (i) => openReport(reports[i], extraction.article);
      const unplaced = new Set(map.showPasted(reports, select));
      replace(
        result,
        h("p", { class: "pasted-count" }, `${reports.length} event${reports.length === 1 ? "" : "s"} found (language: ${extraction.language ?? "?"})`),
        h(
          "ol",
          { class: "event-list pasted-list" },
          reports.map((r, i) =>
            h("li", {}, h("button", { type: "button", class: "linkish", onclick: () => select(i) }, eventLabel(r)), unplaced.has(r) ? " (no place: not on the map)" : ""),
          ),
        ),
        extraction.warnings?.length ? h("ul", { class: "hint" }, extraction.warnings.map((w) => h("li", {}, w))) : null,
      );
      saveForm.hidden = reports.length === 0;
    } catch (error) {
      clear();
      onError(error);
    } finally {
      button.disabled = false;
    }
  });

  clearButton.addEventListener("click", () => {
    form.reset();
    clear();
  });

  saveForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(saveForm);
    try {
      const saved = await api.save({ ...body(), outlet: String(data.get("outlet") ?? "").trim() || null }, String(data.get("token")));
      replace(result, h("p", {}, `Saved: ${saved.events.length} events ${saved.new ? "stored" : "already stored"}.`));
      map.clearPasted();
      saveForm.hidden = true;
      onSaved();
    } catch (error) {
      onError(error);
    }
  });
}
