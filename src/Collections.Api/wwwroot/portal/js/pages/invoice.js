import { api } from '../api.js';
import { h, formatDate } from '../dom.js';
import { format, toMinor } from '../money.js';
import { badge } from './invoices.js';

export async function render(ctx, params) {
  const i = await api(`/invoices/${encodeURIComponent(params.id)}`);
  const disputed = toMinor(i.disputed) > 0;
  return h('div', {},
    h('p', {}, h('a', { href: '#/invoices' }, '← All invoices')),
    h('h1', {}, `Invoice ${i.number}`),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Status'), h('dd', {}, badge(i)),
      h('dt', {}, 'PO number'), h('dd', {}, i.poNumber ?? '–'),
      h('dt', {}, 'Issued'), h('dd', {}, formatDate(i.issueDate)),
      h('dt', {}, 'Due'), h('dd', {}, formatDate(i.dueDate)),
      h('dt', {}, 'Total'), h('dd', {}, format(i.total)),
      h('dt', {}, 'Paid'), h('dd', {}, format(i.paid)),
      h('dt', {}, 'Credited'), h('dd', {}, format(i.credited)),
      disputed ? [h('dt', {}, 'On hold under dispute'), h('dd', {}, format(i.disputed))] : null,
      h('dt', {}, 'Balance'), h('dd', { 'data-balance': i.id }, format(i.balance)),
      i.terms?.netDays ? [h('dt', {}, 'Terms'), h('dd', {}, terms(i.terms))] : null),
    i.earlyPayment ? h('p', { class: 'success' },
      `Pay ${format(i.earlyPayment.amountToPay)} by ${formatDate(i.earlyPayment.payBy)} to settle this invoice and save ${format(i.earlyPayment.discount)}.`) : null,
    i.lines?.length ? h('section', {},
      h('h2', {}, 'Lines'),
      h('table', { class: 'responsive' },
        h('thead', {}, h('tr', {}, ['Description', 'Quantity', 'Unit price', 'Amount'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, i.lines.map((l) => h('tr', {},
          h('td', { 'data-label': 'Description' }, l.description),
          h('td', { 'data-label': 'Quantity', class: 'num' }, String(l.quantity)),
          h('td', { 'data-label': 'Unit price', class: 'num' }, format(l.unitPrice)),
          h('td', { 'data-label': 'Amount', class: 'num' }, format(l.amount))))))) : null,
    i.status === 'open' ? h('div', { class: 'actions' },
      h('a', { class: 'button', href: `#/pay?invoice=${encodeURIComponent(i.id)}` }, 'Pay this invoice'),
      h('a', { href: `#/disputes?invoice=${encodeURIComponent(i.id)}` }, 'Dispute this invoice')) : null);
}

function terms(t) {
  const net = `Net ${t.netDays} days`;
  return t.earlyPaymentDiscountPercent ? `${t.earlyPaymentDiscountPercent}% discount within ${t.earlyPaymentDiscountDays} days, ${net.toLowerCase()}` : net;
}
