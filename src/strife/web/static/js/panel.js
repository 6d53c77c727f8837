// The event panel: resolved fields, claims, contradictions, sources, the merge explanation and
// each report's evidence passages with the words behind each field highlighted.

import { api } from "./api.js";
import { externalLink, h, replace } from "./dom.js";
import { renderEvidence, reportSpans } from "./evidence.js";

const PRECISION = { 1: "day", 2: "week", 3: "month" };
const GEO_PRECISION = { 1: "exact place", 2: "near a place", 3: "region only" };

const plural = (n, word) => `${n} ${word}${n === 1 ? "" : "s"}`;

function fieldList(pairs) {
  return h(
    "dl",
    {},
    pairs.filter(([, v]) => v !== null && v !== undefined && v !== "").map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]),
  );
}

function toll(item) {
  const { fatalities_low: low, fatalities_best: best, fatalities_high: high } = item;
  const range = low === null || low === undefined ? "" : ` (low ${low}, best ${best ?? "?"}, high ${high ?? "?"})`;
  return `${item.fatalities}${range}`;
}

function figure(claim) {
  if (claim.killed === null || claim.killed === undefined) return "no figure";
  return claim.killed_high ? `${claim.killed}–${claim.killed_high}` : String(claim.killed);
}

function codedFields(item) {
  const place = [item.location, item.admin2, item.admin1, item.country].filter(Boolean).join(", ");
  const coords =
    item.latitude === null || item.latitude === undefined ? null : `${item.latitude.toFixed(4)}, ${item.longitude.toFixed(4)}`;
  return [
    ["Date", item.event_date ? `${item.event_date} (${PRECISION[item.time_precision] ?? "?"})` : null],
    ["Type", item.event_type],
    ["Sub-event", item.sub_event_type],
    ["Disorder", item.disorder_type],
    ["Actor 1", item.actor1],
    ["Actor 2", item.actor2],
    ["Interaction", item.interaction],
    ["Place", place || "not found"],
    ["Coordinates", coords && `${coords} (${GEO_PRECISION[item.geo_precision] ?? "?"})`],
    ["Fatalities", toll(item)],
  ];
}

function claimsTable(rows) {
  if (!rows.length) return h("p", { class: "hint" }, "No casualty claims.");
  return h(
    "table",
    { class: "claims" },
    h("caption", {}, "Claims"),
    h("thead", {}, h("tr", {}, ["Claimant", "Kind", "Killed", "Outlet"].map((c) => h("th", { scope: "col" }, c)))),
    h(
      "tbody",
      {},
      rows.map(({ claim, outlet }) =>
        h("tr", {}, h("td", {}, claim.claimant), h("td", {}, claim.kind.replace(/_/g, " ")), h("td", {}, figure(claim)), h("td", {}, outlet ?? "")),
      ),
    ),
  );
}

function disputedBlock(item) {
  const contradictions = item.contradictions ?? [];
  if (!item.disputed && !contradictions.length) return null;
  return h(
    "div",
    { class: "disputed-block" },
    item.disputed ? h("span", { class: "badge disputed" }, "disputed") : null,
    contradictions.length ? h("ul", { class: "contradictions" }, contradictions.map((c) => h("li", {}, c))) : null,
  );
}

function sourceItem(source) {
  const name = source.title || source.url || source.article_id;
  const meta = [source.outlet, source.published, source.language].filter(Boolean).join(" · ");
  return h("li", {}, externalLink(source.url, name), meta ? ` (${meta})` : "");
}

function reportBlock(report, article, source) {
  const heading = [source?.outlet ?? article?.outlet ?? "unknown outlet", source?.published ?? article?.published]
    .filter(Boolean)
    .join(", ");
  const flags = report.flags?.length ? h("p", { class: "hint" }, `Flags: ${report.flags.join(", ")}`) : null;
  const evidence = article
    ? renderEvidence(article.text, reportSpans(report))
    : [h("p", { class: "hint" }, "The article text could not be loaded.")];
  return h(
    "article",
    { class: "report", "data-report-id": report.id },
    h("h4", {}, `Report: ${heading}`),
    h("p", { class: "hint" }, `${report.event_date ?? "undated"} · ${report.sub_event_type} · ${report.location ?? "no place"} · ${report.fatalities} killed`),
    flags,
    evidence,
  );
}

/** Fills the panel with an event from /api/events/{id} and the articles of its reports. */
export async function showEvent(body, title, eventId) {
  const event = await api.event(eventId);
  const articleIds = [...new Set(event.reports.map((r) => r.article_id))];
  const articles = new Map(
    await Promise.all(articleIds.map((id) => api.article(id).then((a) => [id, a.article], () => [id, null]))),
  );
  const sources = new Map(event.sources.map((s) => [s.article_id, s]));
  title.textContent = `${event.sub_event_type || event.event_type}: ${event.location ?? event.country ?? "no place"}`;
  const claims = event.reports.flatMap((r) => r.claims.map((claim) => ({ claim, outlet: sources.get(r.article_id)?.outlet })));
  replace(
    body,
    h("p", { class: "hint" }, `${event.event_id} · ${plural(event.reports.length, "report")} from ${plural(event.sources.length, "source")}`),
    disputedBlock(event),
    fieldList(codedFields(event)),
    claimsTable(claims),
    h("h3", {}, "Sources"),
    h("ul", { class: "sources" }, event.sources.map(sourceItem)),
    h("h3", {}, "Why these reports are one event"),
    h("ul", { class: "explanation" }, (event.explanation ?? []).map((line) => h("li", {}, line))),
    h("h3", {}, "Evidence"),
    event.reports.map((r) => reportBlock(r, articles.get(r.article_id), sources.get(r.article_id))),
  );
}

/** Fills the panel with one report extracted from a pasted (unsaved) article. */
export function showExtracted(body, title, report, article) {
  title.textContent = `Pasted: ${report.sub_event_type || report.event_type}: ${report.location ?? report.country ?? "no place"}`;
  replace(
    body,
    h("p", { class: "hint" }, "Extracted from the pasted article; not saved."),
    disputedBlock(report),
    fieldList(codedFields(report)),
    claimsTable(report.claims.map((claim) => ({ claim, outlet: article.outlet }))),
    h("h3", {}, "Evidence"),
    reportBlock(report, article, null),
  );
}
