// A promise, a payment plan and a payment are each in one currency. A debtor who owes in several works in one at a
// time: the page shows that currency's invoices and amounts, and what it sends is in that currency.
import { h } from './dom.js';
import { t } from './i18n.js';

/** The currencies these invoices are open in: the debtor's own first, then by code. */
export function currenciesOf(invoices, ctx) {
  const codes = [...new Set(invoices.map((i) => i.balance.currency))];
  return codes.sort((a, b) => (a === ctx.currency ? -1 : b === ctx.currency ? 1 : a.localeCompare(b)));
}

/** The currency asked for in the address (?currency=USD) when something is open in it, else the given one, else the first. */
export function chosenCurrency(currencies, query, preferred) {
  const asked = query.get('currency')?.toUpperCase();
  if (currencies.includes(asked)) return asked;
  return currencies.includes(preferred) ? preferred : currencies[0];
}

/** With more than one currency open: a link per currency that shows the same page in it; none otherwise. */
export function currencySwitch(currencies, current, path, query) {
  if (currencies.length < 2) return null;
  return h('nav', { class: 'currency-switch', 'aria-label': t('currency.switch.label'), 'data-currency-switch': '' },
    h('p', {}, t('currency.switch.intro')),
    h('ul', {}, currencies.map((code) => {
      const target = new URLSearchParams(query);
      target.set('currency', code);
      target.delete('invoice');
      return h('li', {}, h('a', { href: `#${path}?${target}`, 'aria-current': code === current ? 'true' : null, 'data-currency': code }, code));
    })));
}
