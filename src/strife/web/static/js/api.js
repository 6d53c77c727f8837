// The HTTP API (see api-contract.md): relative URLs so the UI also works behind a path prefix.

/** Filter names shared by /api/events.geojson, /api/stats and /api/export. */
export const FILTER_KEYS = [
  "date_from",
  "date_to",
  "country",
  "admin1",
  "actor",
  "event_type",
  "min_fatalities",
  "q",
];

export class ApiError extends Error {
  constructor(status, detail) {
    super(`${status}: ${detail}`);
    this.status = status;
    this.detail = detail;
  }
}

/** Query string of the non-empty filters (minus `omit`) and `extra` parameters. */
export function queryString(filters, { omit = [], extra = {} } = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  for (const key of FILTER_KEYS) {
    const value = filters[key];
    if (!omit.includes(key) && value !== undefined && value !== null && value !== "") {
      params.set(key, value);
    }
  }
  return params.toString();
}

async function detail(response) {
  try {
    const body = await response.json();
    // FastAPI's 422 detail is a list of {loc, msg}; ours are strings.
    if (Array.isArray(body.detail)) return body.detail.map((d) => d.msg ?? String(d)).join("; ");
    return String(body.detail ?? response.statusText);
  } catch {
    return response.statusText;
  }
}

async function request(path, options = {}) {
  const response = await fetch(path, options);
  if (!response.ok) throw new ApiError(response.status, await detail(response));
  return response.json();
}

export function getJSON(path) {
  return request(path, { headers: { Accept: "application/json" } });
}

export function postJSON(path, body, token = null) {
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  return request(path, { method: "POST", headers, body: JSON.stringify(body) });
}

export const api = {
  events: (filters) => getJSON(`api/events.geojson?${queryString(filters)}`),
  // The timeline shows the whole period the other filters select, so its brush can move.
  stats: (filters) => getJSON(`api/stats?${queryString(filters, { omit: ["date_from", "date_to"] })}`),
  event: (id) => getJSON(`api/events/${encodeURIComponent(id)}`),
  article: (id) => getJSON(`api/articles/${encodeURIComponent(id)}`),
  extract: (body) => postJSON("api/extract", body),
  save: (body, token) => postJSON("api/articles", body, token),
  exportUrl: (format, filters) => `api/export?${queryString(filters, { extra: { format } })}`,
};
