// Money on the wire is { amount, currency } in major units. Here every sum is done in integer minor units, and an
// amount is shown by handing Intl.NumberFormat its exact decimal string: no binary floating point touches money.
import { numberFormat } from './i18n.js';

const decimalsCache = new Map();

export function decimals(currency) {
  if (!decimalsCache.has(currency)) {
    decimalsCache.set(currency, new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits);
  }
  return decimalsCache.get(currency);
}

export function toMinor(money) {
  const [whole, fraction = ''] = String(money.amount).split('.');
  const places = decimals(money.currency);
  const negative = whole.startsWith('-');
  const digits = whole.replace('-', '') + fraction.padEnd(places, '0').slice(0, places);
  const minor = Number.parseInt(digits, 10);
  return negative ? -minor : minor;
}

/** The active locale's decimal mark: "." in English, "," in German. */
const decimalMark = () => numberFormat({ minimumFractionDigits: 1 }).formatToParts(0.5).find((part) => part.type === 'decimal')?.value ?? '.';

/**
 * Parses what a person typed ("1,234.50", "1.234,50", "1234,5") into minor units; null when it is not an amount.
 * The last mark separates the decimals when the other mark comes before it, when it is the locale's decimal mark, or
 * when it is not followed by exactly three digits; otherwise every mark groups thousands ("1.234" is 1234 in German).
 */
export function parseMinor(text, currency) {
  const places = decimals(currency);
  const cleaned = String(text).trim().replace(/[\s'\u00a0\u202f\u2019]/g, '');
  if (!/^\d[\d.,]*$/.test(cleaned)) return null;
  const last = Math.max(cleaned.lastIndexOf('.'), cleaned.lastIndexOf(','));
  let whole = cleaned;
  let fraction = '';
  if (last >= 0) {
    const mark = cleaned[last];
    const marks = cleaned.match(/[.,]/g);
    const once = marks.filter((m) => m === mark).length === 1;
    if (once && (marks.length > 1 || mark === decimalMark() || cleaned.length - last - 1 !== 3)) {
      whole = cleaned.slice(0, last);
      fraction = cleaned.slice(last + 1);
      if (!fraction) return null;
    }
  }
  if (!/^(?:\d{1,3}(?:([.,])\d{3}(?:\1\d{3})*)?|\d+)$/.test(whole) || !/^\d*$/.test(fraction)) return null;
  if (fraction.length > places) return null;
  return Number.parseInt(whole.replace(/[,.]/g, '') + fraction.padEnd(places, '0'), 10);
}

/** The amount as plain text with the currency's decimals, for inputs and CSV. */
export function plain(minor, currency) {
  const places = decimals(currency);
  const digits = String(Math.abs(minor)).padStart(places + 1, '0');
  return (minor < 0 ? '-' : '') + (places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`);
}

/** The amount as the active locale writes it: "€1,234.56", "1.234,56 €", "CHF 1’234.56". */
export function formatMinor(minor, currency) {
  const places = decimals(currency);
  // A string is formatted as the exact decimal it spells (Intl.NumberFormat v3), with exactly the currency's decimals.
  return numberFormat({ style: 'currency', currency, minimumFractionDigits: places, maximumFractionDigits: places }).format(plain(minor, currency));
}

export const format = (money) => formatMinor(toMinor(money), money.currency);

/** The amount for an input the debtor may edit: no grouping, the locale's decimal mark ("1234,56" in German). */
export const editable = (minor, currency) => plain(minor, currency).replace('.', decimalMark());
