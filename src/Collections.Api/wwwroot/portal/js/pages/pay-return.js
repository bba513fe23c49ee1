import { h } from '../dom.js';
import { format } from '../money.js';
import { t, tp } from '../i18n.js';
import { openInvoices, totals, formatTotals, byDueDate } from '../invoices-data.js';

/** Stripe Checkout returns here. The webhook, not this page, records the payment, so we show the state the API now has. */
export async function render(ctx, params, query, { path }) {
  const success = path.endsWith('/success');
  const attempt = query.get('attempt');
  const items = (await openInvoices(ctx)).sort(byDueDate);
  return h('div', {},
    h('h1', {}, success ? t('payReturn.thanks') : t('payReturn.cancelled')),
    success
      ? h('p', { class: 'success', role: 'status' }, t('payReturn.submitted'))
      : h('p', { class: 'notice', role: 'status' }, t('payReturn.left')),
    attempt ? h('p', { class: 'hint' }, t('payReturn.reference', { reference: attempt })) : null,
    h('h2', {}, t('payReturn.balanceNow')),
    h('p', { class: 'total-line', 'data-figure': 'total-due' }, t('payReturn.totalDue', { amount: formatTotals(totals(items, (i) => i.balance), ctx.currency) })),
    items.length
      ? h('ul', {}, items.map((i) => h('li', { 'data-invoice': i.id },
        tp('payReturn.invoiceOpen', { number: i.number, amount: h('span', { 'data-balance': i.id }, format(i.balance)) }))))
      : h('p', {}, t('payReturn.allPaid')),
    h('div', { class: 'actions' },
      success ? null : h('a', { class: 'button', href: '#/pay' }, t('payReturn.tryAgain')),
      h('a', { href: '#/' }, t('common.backToOverview'))));
}
