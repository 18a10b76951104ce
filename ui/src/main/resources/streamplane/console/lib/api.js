// Requests to the control plane, relative to the console's page so a reverse-proxy prefix keeps working.
// Sends the admin token when the session has one; asks for it when a request needs it (401).

import {askToken, forgetToken, token} from './token.js';

/** A failed request: its HTTP status and RFC 9457 problem, if any. */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem && problem.detail ? problem.detail : fallback);
    this.status = status;
    this.problem = problem || null;
  }

  /** Every problem of the answer: its errors, or the detail alone. */
  get errors() {
    if (this.problem && Array.isArray(this.problem.errors) && this.problem.errors.length) {
      return this.problem.errors;
    }
    return [{path: '', message: this.message}];
  }
}

async function send(path, options) {
  const headers = {Accept: 'application/json, application/problem+json, */*'};
  if (options.contentType) {
    headers['Content-Type'] = options.contentType;
  }
  const bearer = 'bearer' in options ? options.bearer : token();
  if (bearer) {
    headers.Authorization = 'Bearer ' + bearer;
  }
  return fetch(path, {method: options.method || 'GET', headers, body: options.body, cache: 'no-store'});
}

async function read(response, raw) {
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json') && !(raw && response.ok)) {
    return response.json();
  }
  return response.text();
}

/**
 * Sends a request and answers its body (parsed JSON, or text). Throws ApiError for a non-2xx answer.
 * A 401 asks the user for the admin token once and retries.
 * @param path a path relative to the page, e.g. 'api/v1/pipelines'
 * @param options {method, body, contentType, admin: true for a mutation, which asks for the token first,
 *   raw: true to answer a successful body as text even when it is JSON, bearer: the token to send instead of
 *   the admin token (null: none), for services with their own read token; a 401 then throws at once}
 */
export async function request(path, options = {}) {
  if (options.admin && !token() && !(await askToken())) {
    throw new ApiError(401, null, 'cancelled: the admin token is needed');
  }
  let response = await send(path, options);
  if (response.status === 401 && !('bearer' in options)) {
    const hadToken = Boolean(token());
    forgetToken();
    const given = await askToken(hadToken
      ? 'The admin token was not accepted. Paste the right one (standalone: the content of data/admin-token).'
      : 'This needs the admin token (standalone: the content of data/admin-token).');
    if (given) {
      response = await send(path, options);
    }
  }
  const body = await read(response, options.raw);
  if (!response.ok) {
    throw new ApiError(response.status, typeof body === 'object' ? body : null,
      response.status + ' ' + (response.statusText || 'error'));
  }
  return body;
}

/** GET, answering the parsed body. */
export function get(path) {
  return request(path);
}

/** GET, answering the body as text. */
export function getText(path) {
  return request(path, {raw: true});
}

/** A JSON request body. */
export function json(method, path, value) {
  return request(path, {method, body: JSON.stringify(value), contentType: 'application/json'});
}

/** A mutation (POST, PUT, DELETE) that needs the admin token. */
export function mutate(method, path, body, contentType) {
  return request(path, {method, body, contentType, admin: true});
}

/** The content type of a spec text: JSON when it starts with '{', else YAML. */
export function specType(text) {
  return text.trimStart().startsWith('{') ? 'application/json' : 'application/yaml';
}

/** Encodes one path segment. */
export function seg(value) {
  return encodeURIComponent(value);
}
