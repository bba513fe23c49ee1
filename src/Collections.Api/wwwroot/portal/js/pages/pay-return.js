import { h } from '../dom.js';
import { format } from '../money.js';
import { openInvoices, totals, formatTotals, byDueDate } from '../invoices-data.js';

/** Stripe Checkout returns here. The webhook, not this page, records the payment, so we show the state the API now has. */
export async function render(ctx, params, query, { path }) {
  const success = path.endsWith('/success');
  const attempt = query.get('attempt');
  const items = (await openInvoices(ctx)).sort(byDueDate);
  return h('div', {},
    h('h1', {}, success ? 'Thank you for your payment' : 'Payment cancelled'),
    success
      ? h('p', { class: 'success', role: 'status' },
        'Your payment was submitted. Card payments show here within moments; bank debits can take a few working days to clear, and we pause reminders for them meanwhile.')
      : h('p', { class: 'notice', role: 'status' }, 'You left the payment page before paying. Nothing was charged.'),
    attempt ? h('p', { class: 'hint' }, `Payment reference: ${attempt}`) : null,
    h('h2', {}, 'Your balance now'),
    h('p', { class: 'total-line', 'data-figure': 'total-due' }, `Total due: ${formatTotals(totals(items, (i) => i.balance), ctx.currency)}`),
    items.length ? h('ul', {}, items.map((i) => h('li', { 'data-invoice': i.id }, `Invoice ${i.number}: `, h('span', { 'data-balance': i.id }, format(i.balance)), ' open'))) : h('p', {}, 'All invoices are paid.'),
    h('div', { class: 'actions' },
      success ? null : h('a', { class: 'button', href: '#/pay' }, 'Try again'),
      h('a', { href: '#/' }, 'Back to the overview')));
}

export const loading = () => status('Loading…');
