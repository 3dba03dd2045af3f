// Calls to the gateway: the optional API key (kept in this tab's session storage) goes in Authorization: Bearer;
// every non-2xx answer becomes an ApiProblem carrying the RFC 9457 problem the API sent.

const KEY_STORAGE = 'observatory.api-key';

export const credentials = {
  get() {
    try {
      return sessionStorage.getItem(KEY_STORAGE) ?? '';
    } catch {
      return '';
    }
  },
  set(key) {
    const trimmed = (key ?? '').trim();
    try {
      if (trimmed) sessionStorage.setItem(KEY_STORAGE, trimmed);
      else sessionStorage.removeItem(KEY_STORAGE);
    } catch {
      // Storage disabled: the key simply is not remembered.
    }
  },
};

/** A problem+json answer (or a network failure shaped like one, status 0). */
export class ApiProblem extends Error {
  constructor(status, problem, traceId) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiProblem';
    this.status = status;
    this.problem = problem ?? {};
    this.traceId = traceId ?? null;
  }

  get title() {
    return this.problem.title || (this.status ? `Request failed (HTTP ${this.status})` : 'The server could not be reached');
  }

  /** [[path, message], …] from a validation problem's errors map. */
  get fieldErrors() {
    const errors = this.problem.errors;
    if (!errors || typeof errors !== 'object') return [];
    return Object.entries(errors).flatMap(([path, messages]) =>
      (Array.isArray(messages) ? messages : [messages]).map((message) => [path, String(message)]));
  }

  get retryAfter() {
    const value = this.problem.retry_after;
    return typeof value === 'number' ? value : null;
  }
}

function headers(extra) {
  const result = new Headers(extra);
  const key = credentials.get();
  if (key) result.set('Authorization', `Bearer ${key}`);
  return result;
}

async function toProblem(response) {
  let problem = null;
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = await response.json();
    } catch {
      problem = null;
    }
  }
  if (!problem) {
    problem = { title: response.statusText || `HTTP ${response.status}`, status: response.status };
  }
  const retryAfter = Number.parseInt(response.headers.get('Retry-After') ?? '', 10);
  if (problem.retry_after === undefined && Number.isFinite(retryAfter)) problem.retry_after = retryAfter;
  return new ApiProblem(response.status, problem, response.headers.get('X-Trace-Id'));
}

/** fetch() with the credential; resolves only for 2xx, else throws ApiProblem. */
export async function request(path, { method = 'GET', body, accept = 'application/json', signal, rawBody } = {}) {
  const init = { method, headers: headers({ Accept: accept }), signal, cache: 'no-store' };
  if (rawBody !== undefined) {
    init.body = rawBody;
    init.headers.set('Content-Type', 'application/json');
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers.set('Content-Type', 'application/json');
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new ApiProblem(0, { title: 'The server could not be reached', detail: String(error?.message ?? error) });
  }
  if (!response.ok) throw await toProblem(response);
  return response;
}

export async function getJson(path, options) {
  const response = await request(path, options);
  return response.json();
}

export const api = {
  listExamples: () => getJson('/examples'),
  getExample: (name) => getJson(`/examples/${encodeURIComponent(name)}`),
  account: () => getJson('/api/v1/account'),
  submit: (body) => getJson('/api/v1/analyze', { method: 'POST', body }),
  submitRaw: (text) => getJson('/api/v1/analyze', { method: 'POST', rawBody: text }),
  analysis: (id) => getJson(`/api/v1/analyze/${encodeURIComponent(id)}`),
  cancel: (id) => getJson(`/api/v1/analyze/${encodeURIComponent(id)}/cancel`, { method: 'POST' }),
  events: (id, signal) => request(`/api/v1/analyze/${encodeURIComponent(id)}/events`, { accept: 'text/event-stream', signal }),
  export: (id, format) => request(`/api/v1/analyze/${encodeURIComponent(id)}?format=${encodeURIComponent(format)}`, { accept: '*/*' }),
};

/** The file name a Content-Disposition header proposes (filename* preferred), else the fallback. */
export function attachmentName(response, fallback) {
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (extended) {
    try {
      return sanitizeFileName(decodeURIComponent(extended[1].trim()), fallback);
    } catch {
      // Fall through to the plain parameter.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(disposition);
  return sanitizeFileName(plain ? (plain[2] ?? plain[1]).trim() : '', fallback);
}

function sanitizeFileName(name, fallback) {
  const cleaned = name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').trim();
  return cleaned || fallback;
}
