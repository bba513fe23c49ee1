// Money on the wire is { amount, currency } in major units. Here every sum is done in integer minor units.
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

/** Parses what a person typed ("1,234.50" or "1234,5") into minor units; null when it is not an amount. */
export function parseMinor(text, currency) {
  const places = decimals(currency);
  const cleaned = String(text).trim().replace(/[\s']/g, '');
  const match = /^(\d{1,3}(?:[,.]\d{3})*|\d+)(?:[.,](\d+))?$/.exec(cleaned);
  if (!match) return null;
  const whole = match[1].replace(/[,.]/g, '');
  const fraction = match[2] ?? '';
  if (fraction.length > places) return null;
  return Number.parseInt(whole + fraction.padEnd(places, '0'), 10);
}

export function fromMinor(minor, currency) {
  const places = decimals(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = String(Math.abs(minor)).padStart(places + 1, '0');
  const text = places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`;
  return { amount: Number(sign + text), currency };
}

export function format(money) {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(money.amount);
}

export const formatMinor = (minor, currency) => format(fromMinor(minor, currency));

/** The amount as plain text with the currency's decimals, for inputs and CSV. */
export function plain(minor, currency) {
  const places = decimals(currency);
  const digits = String(Math.abs(minor)).padStart(places + 1, '0');
  return (minor < 0 ? '-' : '') + (places === 0 ? digits : `${digits.slice(0, -places)}.${digits.slice(-places)}`);
}
