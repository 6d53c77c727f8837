// DOM building without HTML parsing: every piece of data becomes a text node or an attribute
// value, so article text and API fields can never inject markup or scripts.

/** Creates an element; `attrs` keys are attributes except `class`, `dataset` and `on*` listeners. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on")) el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? "" : String(value));
  }
  append(el, children);
  return el;
}

/** Appends nodes and strings (as text) to `el`, skipping null, undefined and false. */
export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replaces the children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** The URL if it is http(s), else null: a stored `javascript:` URL must not become a link. */
export function safeUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url, window.location.href);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** A link opening outside the app, or the plain text when the URL is not safe. */
export function externalLink(url, text) {
  const href = safeUrl(url);
  if (!href) return text;
  return h("a", { href, target: "_blank", rel: "noopener noreferrer" }, text);
}
