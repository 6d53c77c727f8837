// Wires the page: filters (kept in the URL), map, timeline, panel, unplaced list, exports, paste.

import { api, FILTER_KEYS, queryString } from "./api.js";
import { h, replace } from "./dom.js";
import { EVENT_TYPES, EventMap, eventLabel } from "./map.js";
import { showEvent, showExtracted } from "./panel.js";
import { setupPaste } from "./paste.js";
import { Timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);
const form = $("filters");
const panel = $("panel");
const panelBody = $("panel-body");
const panelTitle = $("panel-title");
const errorBox = $("error");
const suggestions = { countries: new Set(), admin1s: new Set(), actors: new Set() };
let loading = 0; // generation counter: a slow response must not overwrite a newer one
let stats = null; // the timeline's /api/stats answer, kept while only the dates change

function showError(error) {
  errorBox.textContent = error.detail ? `Error ${error.status}: ${error.detail}` : String(error.message ?? error);
  errorBox.hidden = false;
}

function readFilters() {
  const data = new FormData(form);
  return Object.fromEntries(FILTER_KEYS.map((k) => [k, String(data.get(k) ?? "").trim()]));
}

function writeFilters(filters) {
  for (const key of FILTER_KEYS) form.elements[key].value = filters[key] ?? "";
}

function fillSuggestions(list, values) {
  for (const v of values) if (v) suggestions[list].add(v);
  replace($(list), [...suggestions[list]].sort().map((v) => h("option", { value: v })));
}

function openPanel() {
  panel.hidden = false;
  panelTitle.focus();
}

async function selectEvent(eventId) {
  openPanel();
  panelTitle.textContent = "Loading…";
  panelBody.replaceChildren();
  try {
    await showEvent(panelBody, panelTitle, eventId);
  } catch (error) {
    showError(error);
  }
}

function openReport(report, article) {
  openPanel();
  showExtracted(panelBody, panelTitle, report, article);
}

const map = new EventMap($("map"), { onSelect: selectEvent });
// Region-level events are drawn with the admin1 outlines, so events wait for the base map.
const baseMap = map.loadBase().catch(showError);
const timeline = new Timeline($("timeline"), $("timeline-unit"), (range) => {
  form.elements.date_from.value = range ? range[0] : "";
  form.elements.date_to.value = range ? range[1] : "";
  load({ withStats: false });
});

function summarise(collection, unplaced) {
  const n = collection.features.length;
  const dead = collection.features.reduce((s, f) => s + (f.properties.fatalities || 0), 0);
  const regions = collection.features.filter((f) => f.geometry && f.properties.geo_precision === 3).length;
  $("summary").textContent =
    `${n} event${n === 1 ? "" : "s"}, ${dead} fatalities` +
    ` · ${regions} region-level (outlined, not exact) · ${unplaced.length} without a place (listed, not drawn)`;
  $("summary").dataset.events = String(n);
}

/** Reloads the events (and, unless only the dates changed, the timeline) for the filters. */
async function load({ withStats = true } = {}) {
  const generation = ++loading;
  const filters = readFilters();
  const qs = queryString(filters);
  history.replaceState(null, "", qs ? `?${qs}` : window.location.pathname);
  for (const link of document.querySelectorAll(".exports a")) link.href = api.exportUrl(link.dataset.format, filters);
  try {
    const [collection, newStats] = await Promise.all([api.events(filters), withStats || !stats ? api.stats(filters) : stats]);
    if (generation !== loading) return;
    errorBox.hidden = true;
    if (newStats !== stats) {
      stats = newStats;
      timeline.render(newStats, [filters.date_from || null, filters.date_to || null]);
      fillSuggestions("countries", newStats.by_country.map((c) => c.country));
      fillSuggestions("actors", newStats.by_actor.map((a) => a.actor));
    } else {
      timeline.select(filters.date_from || filters.date_to ? [filters.date_from || null, filters.date_to || null] : null);
    }
    fillSuggestions("admin1s", collection.features.map((f) => f.properties.admin1));
    await baseMap;
    const unplaced = map.showEvents(collection);
    replace(
      $("unplaced"),
      unplaced.length
        ? unplaced.map((f) =>
            h("li", {}, h("button", { type: "button", class: "linkish", onclick: () => selectEvent(f.properties.event_id) }, eventLabel(f.properties))),
          )
        : h("li", { class: "hint" }, "none"),
    );
    summarise(collection, unplaced);
  } catch (error) {
    showError(error);
  }
}

function init() {
  const typeSelect = $("event-type");
  for (const [type] of EVENT_TYPES) typeSelect.append(h("option", { value: type }, type));
  const params = new URLSearchParams(window.location.search);
  writeFilters(Object.fromEntries(FILTER_KEYS.map((k) => [k, params.get(k) ?? ""])));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    load();
  });
  // The form's own reset runs after this handler, so the reload waits for it.
  form.addEventListener("reset", () => setTimeout(load));
  for (const name of ["date_from", "date_to"]) form.elements[name].addEventListener("change", () => load({ withStats: false }));
  $("clear-dates").addEventListener("click", () => {
    form.elements.date_from.value = "";
    form.elements.date_to.value = "";
    load({ withStats: false });
  });
  $("panel-close").addEventListener("click", () => {
    panel.hidden = true;
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && !panel.hidden) panel.hidden = true;
  });
  setupPaste({
    form: $("paste"),
    result: $("paste-result"),
    saveForm: $("save"),
    clearButton: $("paste-clear"),
    map,
    openReport,
    onSaved: () => load(),
    onError: showError,
  });
  load();
}

init();
