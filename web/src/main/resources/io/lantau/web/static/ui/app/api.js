// Calls to the platform's APIs. The browser holds no API secret: private calls go to the native API with the
// HttpOnly session cookie, and every state change carries the session's CSRF token (kept for this tab only).
const NATIVE = '/api/lantau/v1';
const CSRF_KEY = 'lantau.csrf';

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || body?.msg || `HTTP ${status}`);
    this.status = status;
    this.code = body?.code;
    this.body = body || {};
  }
}

async function parse(r) {
  const text = await r.text();
  const body = text ? JSON.parse(text) : null;
  if (!r.ok) throw new ApiError(r.status, body);
  return body;
}

/** A public Binance-compatible REST read, e.g. market('/ticker/24hr'). */
export async function market(path, params = {}) {
  const q = new URLSearchParams(params).toString();
  return parse(await fetch(`/api/v3${path}${q ? `?${q}` : ''}`, { credentials: 'same-origin' }));
}

/** A native API call; the CSRF token is sent with every method but GET. */
export async function native(method, path, body) {
  const headers = {};
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = sessionStorage.getItem(CSRF_KEY);
  if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
  const r = await fetch(NATIVE + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body),
  });
  return parse(r);
}

export function hasCsrf() {
  return !!sessionStorage.getItem(CSRF_KEY);
}

export function rememberCsrf(token) {
  if (token) sessionStorage.setItem(CSRF_KEY, token); else sessionStorage.removeItem(CSRF_KEY);
}
