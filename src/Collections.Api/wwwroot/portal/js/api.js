// One place that talks to /api/v1: adds the session token, turns ProblemDetails into sentences a person can act on.
const storageKey = 'collections.portal.session';

export const session = {
  read() {
    try { return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'); } catch { return null; }
  },
  save(value) { sessionStorage.setItem(storageKey, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(storageKey); },
};

export class ApiError extends Error {
  constructor(status, problem) {
    super(describe(status, problem));
    this.status = status;
    this.problem = problem ?? {};
    this.details = Object.values(problem?.errors ?? {}).flat();
  }
}

function describe(status, problem) {
  if (status === 0) return 'We could not reach the server. Check your connection and try again.';
  if (status === 429) return problem?.detail ?? 'Too many requests in a short time. Please wait a minute and try again.';
  if (status === 401) return 'Your session has ended. Please open the link from your latest e-mail again.';
  if (status === 403) return 'This action is not available in the portal.';
  if (status === 404) return 'We could not find that. It may have been removed, or the link may be wrong.';
  if (status >= 500 && status !== 503) return 'Something went wrong on our side. Please try again in a few minutes.';
  return problem?.detail ?? problem?.title ?? `The request failed (${status}).`;
}

let onSessionEnded = () => {};
export const whenSessionEnds = (handler) => { onSessionEnded = handler; };

export const newIdempotencyKey = () => crypto.randomUUID();

export async function api(path, { method = 'GET', body, form, idempotencyKey, anonymous = false } = {}) {
  const headers = { Accept: 'application/json' };
  const current = session.read();
  if (current && !anonymous) headers.Authorization = `Bearer ${current.sessionToken}`;
  if (idempotencyKey) headers['Idempotency-Key'] = idempotencyKey;
  let payload;
  if (form) payload = form;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }

  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: payload, credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }

  const type = response.headers.get('Content-Type') ?? '';
  const data = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const error = new ApiError(response.status, data);
    if (response.status === 401 && !anonymous) {
      session.clear();
      onSessionEnded();
    }
    throw error;
  }
  return data;
}

/** Every page of a cursor-paged list (bounded, so a runaway cursor cannot loop forever). */
export async function all(path, maxPages = 20) {
  const items = [];
  let cursor = null;
  for (let page = 0; page < maxPages; page += 1) {
    const separator = path.includes('?') ? '&' : '?';
    const result = await api(`${path}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...result.items);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return items;
}
