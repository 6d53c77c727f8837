// Events (bars) and fatalities (line) per day or week from /api/stats, as SVG, with a brush:
// dragging across it selects a date range, a click without dragging clears it.

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;
const MAX_DAILY_SPAN = 120; // days; beyond this, bars per day get too thin to read or hit
const PAD = { left: 34, right: 34, top: 8, bottom: 18 };

function svg(tag, attrs = {}, text = null) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== null) el.textContent = text;
  return el;
}

const toTime = (iso) => Date.parse(`${iso}T00:00:00Z`);
const toIso = (time) => new Date(time).toISOString().slice(0, 10);

/** Continuous bins (empty days/weeks included) from the API's by_day or by_week rows. */
export function bins(stats) {
  const days = stats.by_day ?? [];
  if (!days.length) return { unit: "day", step: DAY, rows: [] };
  const span = (toTime(days[days.length - 1].date) - toTime(days[0].date)) / DAY;
  const weekly = span > MAX_DAILY_SPAN;
  const source = weekly ? (stats.by_week ?? []).map((w) => ({ ...w, date: w.week })) : days;
  const step = weekly ? 7 * DAY : DAY;
  const byTime = new Map(source.map((r) => [toTime(r.date), r]));
  const rows = [];
  for (let t = toTime(source[0].date); t <= toTime(source[source.length - 1].date); t += step) {
    const r = byTime.get(t);
    rows.push({ start: t, events: r?.events ?? 0, fatalities: r?.fatalities ?? 0 });
  }
  return { unit: weekly ? "week" : "day", step, rows };
}

export class Timeline {
  constructor(element, unitLabel, onBrush) {
    this.element = element;
    this.unitLabel = unitLabel;
    this.onBrush = onBrush;
    this.data = { unit: "day", step: DAY, rows: [] };
    this.selection = null; // [dateFrom, dateTo] as ISO strings
    new ResizeObserver(() => this.draw()).observe(element);
  }

  render(stats, selection) {
    this.data = bins(stats);
    this.selection = selection;
    this.unitLabel.textContent = this.data.unit;
    this.draw();
  }

  select(selection) {
    this.selection = selection;
    this.draw();
  }

  geometry() {
    const width = Math.max(200, this.element.clientWidth);
    const height = Math.max(60, this.element.clientHeight);
    const n = Math.max(1, this.data.rows.length);
    const inner = width - PAD.left - PAD.right;
    return { width, height, n, band: inner / n, bottom: height - PAD.bottom, top: PAD.top };
  }

  /** Index of the bin under x pixels, clamped. */
  binAt(x, g) {
    return Math.min(g.n - 1, Math.max(0, Math.floor((x - PAD.left) / g.band)));
  }

  draw() {
    const { rows, step } = this.data;
    const g = this.geometry();
    const root = svg("svg", { viewBox: `0 0 ${g.width} ${g.height}`, role: "img" });
    const totalEvents = rows.reduce((s, r) => s + r.events, 0);
    const totalDead = rows.reduce((s, r) => s + r.fatalities, 0);
    root.append(svg("title", {}, `${totalEvents} events and ${totalDead} fatalities over ${rows.length} ${this.data.unit}s`));
    if (!rows.length) {
      root.append(svg("text", { x: g.width / 2, y: g.height / 2, "text-anchor": "middle", class: "axis" }, "no dated events"));
      this.element.replaceChildren(root);
      return;
    }
    const maxEvents = Math.max(1, ...rows.map((r) => r.events));
    const maxDead = Math.max(1, ...rows.map((r) => r.fatalities));
    const y = (v, max) => g.bottom - ((g.bottom - g.top) * v) / max;
    const bars = svg("g", { class: "bars" });
    const points = [];
    rows.forEach((r, i) => {
      const x = PAD.left + i * g.band;
      if (r.events) {
        const bar = svg("rect", {
          class: "bar",
          x: x + g.band * 0.1,
          width: Math.max(1, g.band * 0.8),
          y: y(r.events, maxEvents),
          height: g.bottom - y(r.events, maxEvents),
        });
        bar.append(svg("title", {}, `${toIso(r.start)}: ${r.events} events, ${r.fatalities} fatalities`));
        bars.append(bar);
      }
      points.push(`${(x + g.band / 2).toFixed(1)},${y(r.fatalities, maxDead).toFixed(1)}`);
    });
    root.append(bars);
    root.append(svg("polyline", { class: "toll", points: points.join(" ") }));
    // Axes: first, middle and last bin dates; maxima on both sides.
    const axis = svg("g", { class: "axis" });
    for (const i of new Set([0, Math.floor((rows.length - 1) / 2), rows.length - 1])) {
      const anchor = i === 0 ? "start" : i === rows.length - 1 ? "end" : "middle";
      const x = PAD.left + (i + (anchor === "start" ? 0 : anchor === "end" ? 1 : 0.5)) * g.band;
      axis.append(svg("text", { x, y: g.height - 4, "text-anchor": anchor }, toIso(rows[i].start)));
    }
    axis.append(svg("text", { x: 4, y: g.top + 8 }, String(maxEvents)));
    axis.append(svg("text", { x: g.width - 4, y: g.top + 8, "text-anchor": "end", fill: "#c0392b" }, String(maxDead)));
    root.append(axis);
    const brush = svg("rect", { class: "brush", y: g.top, height: g.bottom - g.top, width: 0, x: 0, visibility: "hidden" });
    root.append(brush);
    this.showSelection(brush, g, step);
    this.attachBrush(root, brush, g, step);
    this.element.replaceChildren(root);
  }

  showSelection(brush, g, step) {
    if (!this.selection || !this.selection.some(Boolean)) return;
    const [from, to] = this.selection.map((d) => (d ? toTime(d) : null));
    const rows = this.data.rows;
    const first = from === null ? 0 : rows.findIndex((r) => r.start + step > from);
    let last = rows.length - 1;
    if (to !== null) while (last >= 0 && rows[last].start > to) last -= 1;
    if (first < 0 || last < first) return;
    brush.setAttribute("x", PAD.left + first * g.band);
    brush.setAttribute("width", (last - first + 1) * g.band);
    brush.setAttribute("visibility", "visible");
  }

  attachBrush(root, brush, g, step) {
    let start = null;
    const xOf = (event) => {
      const box = root.getBoundingClientRect();
      return ((event.clientX - box.left) * g.width) / box.width;
    };
    const span = (x) => [this.binAt(Math.min(start, x), g), this.binAt(Math.max(start, x), g)];
    root.addEventListener("pointerdown", (event) => {
      start = xOf(event);
      root.setPointerCapture(event.pointerId);
    });
    root.addEventListener("pointermove", (event) => {
      if (start === null) return;
      const [a, b] = span(xOf(event));
      brush.setAttribute("x", PAD.left + a * g.band);
      brush.setAttribute("width", (b - a + 1) * g.band);
      brush.setAttribute("visibility", "visible");
    });
    root.addEventListener("pointerup", (event) => {
      if (start === null) return;
      const x = xOf(event);
      const moved = Math.abs(x - start) > 3;
      const [a, b] = span(x);
      start = null;
      const rows = this.data.rows;
      this.onBrush(moved ? [toIso(rows[a].start), toIso(rows[b].start + step - DAY)] : null);
    });
  }
}
