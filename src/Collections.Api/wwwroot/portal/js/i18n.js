// The portal in the debtor's language: texts from static catalogs (../i18n/{language}.json, dotted keys with {name}
// placeholders), numbers and dates through Intl in the active locale. A key a catalog lacks falls back to English.
// Keys in the pages are string literals (t('pay.title')), so a test can check that every key used exists.

/** The languages the portal speaks, each named in itself, in the order the switcher lists them. */
export const languages = [
  ['de', 'Deutsch'],
  ['en', 'English'],
  ['es', 'Español'],
  ['fr', 'Français'],
  ['it', 'Italiano'],
  ['nl', 'Nederlands'],
];

const fallback = 'en';
const choiceKey = 'collections.portal.language';
const supported = new Set(languages.map(([code]) => code));
const catalogs = new Map();
const formatters = new Map();
let active = { tag: fallback, base: fallback };
let messages = {};
let english = {};

/** "de-at" → { tag: 'de-AT', base: 'de' }: the tag formats, its base picks the catalog. Null when the base is not spoken here. */
export function resolve(tag) {
  if (typeof tag !== 'string' || !tag.trim()) return null;
  let canonical;
  try {
    [canonical] = Intl.getCanonicalLocales(tag.trim().replaceAll('_', '-'));
  } catch {
    return null;
  }
  const base = canonical.split('-')[0];
  return supported.has(base) ? { tag: canonical, base } : null;
}

function load(base) {
  if (!catalogs.has(base)) {
    const url = new URL(`../i18n/${base}.json`, import.meta.url);
    catalogs.set(base, fetch(url, { credentials: 'omit', cache: 'no-cache' })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${url} answered ${response.status}`))))
      .catch(() => {
        catalogs.delete(base);
        return null;
      }));
  }
  return catalogs.get(base);
}

/** Makes the tag's language the active one (English when the portal does not speak it, or its catalog cannot be read). */
export async function use(tag) {
  const wanted = resolve(tag) ?? { tag: fallback, base: fallback };
  const [base, own] = await Promise.all([load(fallback), load(wanted.base)]);
  english = base ?? {};
  messages = own ?? english;
  active = own ? wanted : { tag: fallback, base: fallback };
  formatters.clear();
  document.documentElement.lang = active.tag;
  return active;
}

/** The BCP 47 tag numbers and dates are formatted for ("de-AT"), also sent as Accept-Language. */
export const locale = () => active.tag;

/** The base language whose catalog is active ("de"); also Stripe Checkout's locale. */
export const language = () => active.base;

/** What the debtor picked in the switcher during this browser session, if anything. */
export const chosen = () => {
  try { return sessionStorage.getItem(choiceKey); } catch { return null; }
};

export function choose(code) {
  try { sessionStorage.setItem(choiceKey, code); } catch { /* storage may be off; the choice then lasts for this page */ }
}

/** The browser's first language the portal speaks, for pages shown before the API has said whose portal it is. */
export const browserLanguage = () => (navigator.languages ?? [navigator.language]).map(resolve).find(Boolean)?.tag ?? null;

function lookup(key) {
  const text = messages[key] ?? english[key];
  return typeof text === 'string' ? text : key;
}

const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));

/** The text of a key with its {placeholders} filled in. */
export function t(key, values = {}) {
  return fill(lookup(key), values);
}

/**
 * A count's text: key.one, key.other (… as the language's plural rules pick; other when a catalog has no such form).
 * {count} is the count as the locale writes numbers.
 */
export function tn(key, count, values = {}) {
  const category = new Intl.PluralRules(active.tag).select(count);
  const form = messages[`${key}.${category}`] ?? english[`${key}.${category}`] ?? lookup(`${key}.other`);
  return fill(form, { count: formatNumber(count), ...values });
}

/** Like t, but a value may be a DOM node: the text split around it, for h() to append in order. */
export function tp(key, values = {}) {
  return lookup(key).split(/(\{\w+\})/).filter((part) => part !== '').map((part) => {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    return name && name in values ? values[name] : part;
  });
}

/**
 * The text for a code the API sends (a status, a reason): prefix.code; when the catalog lacks it, the fallback given,
 * else the code made readable.
 */
export function label(prefix, code, fallbackText) {
  const key = `${prefix}.${code}`;
  const text = messages[key] ?? english[key];
  return typeof text === 'string' ? text : (fallbackText ?? String(code ?? '').replaceAll('_', ' '));
}

function formatter(kind, options) {
  const id = `${kind}:${JSON.stringify(options)}`;
  if (!formatters.has(id)) {
    formatters.set(id, kind === 'number' ? new Intl.NumberFormat(active.tag, options) : new Intl.DateTimeFormat(active.tag, options));
  }
  return formatters.get(id);
}

/** Intl.NumberFormat in the active locale (cached per options). */
export const numberFormat = (options = {}) => formatter('number', options);

/** Intl.DateTimeFormat in the active locale (cached per options). */
export const dateTimeFormat = (options = {}) => formatter('date', options);

export const formatNumber = (value, options) => numberFormat(options).format(value);

/** Puts the active language into the page's fixed parts: data-i18n (text) and data-i18n-aria-label. */
export function translateStatic(root = document) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const element of root.querySelectorAll('[data-i18n-aria-label]')) element.setAttribute('aria-label', t(element.dataset.i18nAriaLabel));
}
