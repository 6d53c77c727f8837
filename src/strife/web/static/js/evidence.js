// Article passages with the words behind each coded field wrapped in <mark data-field="…">.
// Span offsets are Python string indices, i.e. code points, so the text is indexed as an array
// of code points rather than as UTF-16 (an emoji before a span would shift every JS index).

import { h } from "./dom.js";

const CONTEXT = 240; // code points kept either side of a span that has no sentence span around it

/** Spans located in `chars` (code points), trusting offsets only when they match the text. */
export function locate(chars, spans) {
  const text = chars.join("");
  const found = [];
  const lost = [];
  for (const span of spans) {
    if (chars.slice(span.start, span.end).join("") === span.text) {
      found.push(span);
      continue;
    }
    // Offsets from another version of the text: fall back to the first occurrence.
    const at = span.text ? text.indexOf(span.text) : -1;
    if (at < 0) {
      lost.push(span);
    } else {
      const start = Array.from(text.slice(0, at)).length;
      found.push({ ...span, start, end: start + Array.from(span.text).length });
    }
  }
  return { found, lost };
}

function sentenceAround(chars, start, end) {
  let from = start;
  while (from > 0 && start - from < CONTEXT && !/[.!?\n]/.test(chars[from - 1])) from -= 1;
  let to = end;
  while (to < chars.length && to - end < CONTEXT && !/[.!?\n]/.test(chars[to])) to += 1;
  return [from, Math.min(chars.length, to + 1)];
}

/** Passages [start, end) to show: the report's sentence spans, else the text around each span. */
export function passages(chars, spans) {
  const sentences = spans.filter((s) => s.field === "sentence");
  const ranges = spans
    .filter((s) => s.field !== "sentence")
    .filter((s) => !sentences.some((p) => p.start <= s.start && s.end <= p.end))
    .map((s) => sentenceAround(chars, s.start, s.end))
    .concat(sentences.map((s) => [s.start, s.end]))
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged = [];
  for (const [start, end] of ranges) {
    const last = merged[merged.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/** One passage as a <p>: text nodes, and a <mark> for each run covered by field spans. */
export function renderPassage(chars, [start, end], spans) {
  const marks = spans.filter((s) => s.field !== "sentence" && s.start < end && s.end > start);
  const cuts = new Set([start, end]);
  for (const s of marks) {
    cuts.add(Math.max(start, s.start));
    cuts.add(Math.min(end, s.end));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const p = h("p", { class: "passage" });
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const text = chars.slice(a, b).join("");
    const fields = [...new Set(marks.filter((s) => s.start <= a && s.end >= b).map((s) => s.field))];
    p.append(fields.length ? h("mark", { "data-field": fields.join(" "), title: fields.join(", ") }, text) : text);
  }
  return p;
}

/** Every evidence span of a report, its claims' included. */
export function reportSpans(report) {
  return [...(report.evidence ?? []), ...(report.claims ?? []).flatMap((c) => c.evidence ?? [])];
}

/** The passages of `text` behind `spans`, plus the spans that could not be found in it. */
export function renderEvidence(text, spans) {
  const chars = Array.from(text ?? "");
  const { found, lost } = locate(chars, spans);
  const nodes = passages(chars, found).map((range) => renderPassage(chars, range, found));
  if (lost.length) {
    nodes.push(
      h(
        "p",
        { class: "hint" },
        "Evidence not found in the article text: ",
        lost.map((s, i) => [i ? "; " : "", h("mark", { "data-field": s.field, title: s.field }, s.text)]),
      ),
    );
  }
  return nodes;
}
