// The Leaflet map: offline base map (no tiles), clustered event markers, region-level events as
// outlines, and a separate layer for events extracted from a pasted article.

import { h } from "./dom.js";

const L = window.L;

/** ACLED event types and their colours (a colour-blind-safe qualitative palette). */
export const EVENT_TYPES = [
  ["Battles", "#d55e00"],
  ["Explosions/Remote violence", "#e69f00"],
  ["Violence against civilians", "#cc79a7"],
  ["Protests", "#0072b2"],
  ["Riots", "#56b4e9"],
  ["Strategic developments", "#009e73"],
];
const COLOURS = new Map(EVENT_TYPES);
const OTHER = "#7f7f7f";
const REGION_RADIUS_M = 40000; // a region-level event with no outline to draw: a hollow 40 km circle

export const colour = (type) => COLOURS.get(type) ?? OTHER;
/** Marker diameter in pixels: area grows with fatalities, capped so big events stay readable. */
export const diameter = (fatalities) => Math.round(Math.min(48, 12 + 5 * Math.sqrt(fatalities || 0)));

const fold = (text) =>
  (text ?? "").normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();

function label(p) {
  const where = [p.location, p.admin1, p.country].filter(Boolean).join(", ") || "no place";
  const toll = p.fatalities ? `, ${p.fatalities} killed` : "";
  return `${p.event_date ?? "undated"}: ${p.sub_event_type || p.event_type} in ${where}${toll}`;
}

function dotIcon(className, p) {
  const size = diameter(p.fatalities);
  const dot = h("div", { class: "dot" });
  dot.style.background = colour(p.event_type);
  return L.divIcon({ className, html: dot, iconSize: [size, size], iconAnchor: [size / 2, size / 2] });
}

/** Enter on a focused marker selects it (Leaflet itself only opens popups on Enter). */
function pressable(marker, select) {
  marker.on("keypress", (e) => {
    if (e.originalEvent.key === "Enter") select();
  });
  return marker;
}

/** Makes an SVG shape reachable with the keyboard, like Leaflet's markers. */
function focusable(layer, text, select) {
  layer.on("add", () => {
    const els = layer.getElement ? [layer.getElement()] : layer.getLayers().map((l) => l.getElement());
    for (const el of els.filter(Boolean)) {
      el.setAttribute("tabindex", "0");
      el.setAttribute("role", "button");
      el.setAttribute("aria-label", text);
      el.addEventListener("keydown", (e) => {
        if (e.key === "Enter" || e.key === " ") {
          e.preventDefault();
          select();
        }
      });
    }
  });
}

export class EventMap {
  constructor(element, { onSelect, onSelectReport }) {
    this.onSelect = onSelect;
    this.onSelectReport = onSelectReport;
    this.map = L.map(element, { minZoom: 2, maxZoom: 12, zoomSnap: 0.5 }).setView([14, 0], 4);
    this.map.attributionControl.setPrefix(false);
    this.map.attributionControl.addAttribution(
      'Made with <a href="https://www.naturalearthdata.com/">Natural Earth</a> · ' +
        'Admin1: <a href="https://whosonfirst.org/">Who\'s On First</a> ' +
        '(<a href="https://whosonfirst.org/docs/licenses/">licence</a>) · ' +
        '<a href="https://leafletjs.com/">Leaflet</a>',
    );
    this.map.createPane("base").style.zIndex = 200;
    this.baseRenderer = L.canvas({ pane: "base" });
    this.clusters = L.markerClusterGroup({
      maxClusterRadius: 40,
      showCoverageOnHover: false,
      iconCreateFunction: (cluster) => this.clusterIcon(cluster),
    }).addTo(this.map);
    this.regions = L.featureGroup().addTo(this.map);
    this.pasted = L.featureGroup().addTo(this.map);
    this.admin1 = new Map(); // "iso2|folded name" -> GeoJSON geometry
    this.iso2 = new Map(); // folded country name -> ISO 3166-1 alpha-2
    this.fitted = false;
    this.addLegend();
  }

  async loadBase() {
    const load = async (name) => {
      const response = await fetch(`static/data/${name}.geojson`);
      if (!response.ok) throw new Error(`base map ${name}: ${response.status}`);
      return response.json();
    };
    const [countries, admin1] = await Promise.all([load("countries"), load("admin1")]);
    const base = { renderer: this.baseRenderer, interactive: false };
    L.geoJSON(countries, { ...base, style: { color: "#8d99a6", weight: 1, fillColor: "#fbfaf5", fillOpacity: 1 } }).addTo(this.map);
    L.geoJSON(admin1, { ...base, style: { color: "#b7bfc7", weight: 0.6, dashArray: "2 3", fill: false } }).addTo(this.map);
    for (const f of countries.features) this.iso2.set(fold(f.properties.name), f.properties.iso_a2);
    for (const f of admin1.features) this.admin1.set(`${f.properties.country}|${fold(f.properties.name)}`, f.geometry);
  }

  clusterIcon(cluster) {
    const markers = cluster.getAllChildMarkers();
    const toll = markers.reduce((sum, m) => sum + (m.options.properties?.fatalities || 0), 0);
    const n = cluster.getChildCount();
    const size = n < 10 ? "small" : n < 100 ? "medium" : "large";
    const inner = h("div", {}, h("span", {}, String(n)));
    const icon = L.divIcon({ html: inner, className: `marker-cluster marker-cluster-${size}`, iconSize: [40, 40] });
    cluster.options.title = `${n} events, ${toll} killed: click to zoom in`;
    return icon;
  }

  addLegend() {
    const legend = L.control({ position: "bottomright" });
    legend.onAdd = () => {
      const el = h(
        "div",
        { class: "legend", role: "group", "aria-label": "Legend" },
        h(
          "ul",
          {},
          EVENT_TYPES.map(([type, c]) => {
            const swatch = h("span", { class: "swatch" });
            swatch.style.background = c;
            return h("li", {}, swatch, type);
          }),
          h("li", {}, h("span", { class: "swatch region" }), "region-level place (not exact)"),
          h("li", {}, h("span", { class: "swatch pasted" }), "from the pasted article"),
          h("li", { class: "hint" }, "size: fatalities"),
        ),
      );
      L.DomEvent.disableClickPropagation(el);
      return el;
    };
    legend.addTo(this.map);
  }

  /** A region-level place: its admin1 outline when known, else a hollow circle. */
  regionShape(p, latlng, style) {
    const geometry = this.admin1.get(`${this.iso2.get(fold(p.country))}|${fold(p.admin1)}`);
    const opts = { ...style, className: "region-event" };
    if (geometry) {
      return L.geoJSON(geometry, { style: () => opts });
    }
    return L.circle(latlng, { ...opts, radius: REGION_RADIUS_M });
  }

  /** Shows a GeoJSON FeatureCollection of events; returns the features that have no place. */
  showEvents(collection) {
    this.clusters.clearLayers();
    this.regions.clearLayers();
    const placed = collection.features.filter((f) => f.geometry);
    // The first view fits the data; fitting before adding the markers clusters them only once,
    // at the final zoom. Later loads keep the analyst's view.
    if (!this.fitted) this.fit(placed.map((f) => [f.geometry.coordinates[1], f.geometry.coordinates[0]]));
    const markers = [];
    for (const feature of placed) {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const select = () => this.onSelect(p.event_id);
      if (p.geo_precision === 3) {
        const c = colour(p.event_type);
        const shape = this.regionShape(p, [lat, lon], { color: c, weight: 2, dashArray: "5 4", fillColor: c, fillOpacity: 0.06 });
        shape.on("click", select);
        focusable(shape, label(p), select);
        this.regions.addLayer(shape);
      } else {
        const marker = L.marker([lat, lon], { icon: dotIcon("event-marker", p), title: label(p), properties: p });
        marker.on("click", select);
        markers.push(pressable(marker, select));
      }
    }
    this.clusters.addLayers(markers);
    return collection.features.filter((f) => !f.geometry);
  }

  fit(latlngs) {
    if (!latlngs.length) return;
    this.map.fitBounds(L.latLngBounds(latlngs).pad(0.2), { maxZoom: 7, animate: false });
    this.fitted = true;
  }

  /** Reports extracted from a pasted article, drawn on their own layer; returns the unplaced. */
  showPasted(reports, onSelect) {
    this.pasted.clearLayers();
    const unplaced = [];
    reports.forEach((r, index) => {
      if (r.latitude === null || r.latitude === undefined) {
        unplaced.push(r);
        return;
      }
      const select = () => onSelect(index);
      const latlng = [r.latitude, r.longitude];
      const layer =
        r.geo_precision === 3
          ? this.regionShape(r, latlng, { color: "#111", weight: 2, dashArray: "2 4", fill: false })
          : L.marker(latlng, { icon: dotIcon("pasted-marker", r), title: `Pasted: ${label(r)}` });
      layer.on("click", select);
      if (r.geo_precision === 3) focusable(layer, `Pasted: ${label(r)}`, select);
      else pressable(layer, select);
      this.pasted.addLayer(layer);
    });
    this.fit(reports.filter((r) => r.latitude !== null && r.latitude !== undefined).map((r) => [r.latitude, r.longitude]));
    return unplaced;
  }

  clearPasted() {
    this.pasted.clearLayers();
  }
}

export { label as eventLabel };
