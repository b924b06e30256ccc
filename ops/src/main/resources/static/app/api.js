// The REST client: JSON in and out, the token as 'Authorization: Bearer', problem details turned into ApiError.
import * as session from './session.js';

const BASE = '/api/v1';

/** A refusal from the API, with the problem detail's code, field and 'current' state when it has them. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.code = problem.code || null;
    this.field = problem.field || null;
    this.current = problem.current || null;
  }
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query || {})) {
    if (value !== null && value !== undefined && value !== '') params.append(key, value);
  }
  const search = params.toString();
  return BASE + path + (search ? `?${search}` : '');
}

async function problemOf(response) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) {
    try {
      return await response.json();
    } catch (ignored) {
      // fall through
    }
  }
  return { detail: `${response.status} ${response.statusText}` };
}

/** Sends a request; answers the parsed JSON body (null when there is none). */
export async function call(method, path, { body, query, accept, auth = true } = {}) {
  const headers = { Accept: accept || 'application/json' };
  const token = session.token();
  if (auth && token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url(path, query), {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store',
    });
  } catch (offline) {
    throw new ApiError(0, { detail: 'Rota cannot be reached. Check the connection and try again.' });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && auth) session.end(problem.detail || 'Log in again.');
    throw new ApiError(response.status, problem);
  }
  if (response.status === 204 || response.headers.get('Content-Length') === '0') return null;
  if (accept && !accept.includes('json')) return response.blob();
  const text = await response.text();
  return text ? JSON.parse(text) : null;
}

export const get = (path, query) => call('GET', path, { query });
export const post = (path, body, query) => call('POST', path, { body: body || {}, query });
export const put = (path, body) => call('PUT', path, { body });
export const patch = (path, body) => call('PATCH', path, { body });
export const del = (path, query) => call('DELETE', path, { query });

/** Downloads a CSV the API answers for Accept: text/csv (a link cannot carry the token). */
export async function downloadCsv(path, query, filename) {
  const blob = await call('GET', path, { query, accept: 'text/csv' });
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

export function login(username, password) {
  return call('POST', '/auth/login', { body: { username, password }, auth: false });
}
