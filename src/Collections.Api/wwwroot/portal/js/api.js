// One place that talks to /api/v1: adds the session token and the active language, turns ProblemDetails into sentences a
// person can act on. The server translates a ProblemDetails title for a debtor session (Accept-Language); its detail and
// field errors stay in English, so in another language the translated title leads and the detail follows.
import { t, tn, locale, language } from './i18n.js';

const storageKey = 'collections.portal.session';

export const session = {
  read() {
    try { return JSON.parse(sessionStorage.getItem(storageKey) ?? 'null'); } catch { return null; }
  },
  save(value) { sessionStorage.setItem(storageKey, JSON.stringify(value)); },
  clear() { sessionStorage.removeItem(storageKey); },
};

export class ApiError extends Error {
  constructor(status, problem, retryAfter = null) {
    const [message, ...more] = describe(status, problem, retryAfter);
    super(message);
    this.status = status;
    this.problem = problem ?? {};
    this.details = [...more, ...Object.values(problem?.errors ?? {}).flat()];
  }
}

/** The sentence to show first, then any that add to it. */
function describe(status, problem, retryAfter) {
  if (status === 0) return [t('error.network')];
  if (status === 429) {
    const seconds = Number.parseInt(retryAfter ?? '', 10);
    return [Number.isFinite(seconds) && seconds > 0 ? tn('error.tooManyWait', seconds) : t('error.tooMany')];
  }
  if (status === 401) return [t('error.sessionEnded')];
  if (status === 403) return [t('error.forbidden')];
  if (status === 404) return [t('error.notFound')];
  if (status >= 500 && status !== 503) return [t('error.server')];
  const { title, detail, errors } = problem ?? {};
  if (language() === 'en' || !title) return [detail ?? title ?? t('error.failed', { status })];
  // With field errors the detail only points at them ("See the errors for each field."); they follow anyway.
  return detail && detail !== title && !Object.keys(errors ?? {}).length ? [title, detail] : [title];
}

let onSessionEnded = () => {};
export const whenSessionEnds = (handler) => { onSessionEnded = handler; };

export const newIdempotencyKey = () => crypto.randomUUID();

export async function api(path, { method = 'GET', body, form, idempotencyKey, anonymous = false } = {}) {
  const headers = { Accept: 'application/json', 'Accept-Language': locale() };
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
    const error = new ApiError(response.status, data, response.headers.get('Retry-After'));
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
